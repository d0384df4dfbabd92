import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../src/clock.js';
import { defaultRegistry, CollectorRegistry, type CollectorContext } from '../src/collectors/index.js';
import { createDeviceFilter, DEFAULT_DISK_EXCLUDE, DEFAULT_NET_EXCLUDE } from '../src/collectors/deviceFilter.js';
import { FIXTURES, tempDir } from './helpers/fixtureProc.js';

const context = (procRoot: string, extra: Partial<CollectorContext> = {}): CollectorContext => ({ procRoot, disk: {}, net: {}, ...extra });

/** Each reading is 1 ms after the previous one, so every collector "takes" 1 ms. */
function steppingClock(): Clock {
  let ns = 0n;
  return { monotonicNs: () => (ns += 1_000_000n), nowMs: () => 0 };
}

describe('collector registry', () => {
  it('has the five /proc collectors self-registered, all enabled by default', () => {
    expect(defaultRegistry.names()).toEqual(['stat', 'meminfo', 'diskstats', 'netdev', 'loadavg']);
    expect(defaultRegistry.create(context('/proc')).names).toHaveLength(5);
  });

  it('runs every enabled collector and reports duration and success', () => {
    const set = defaultRegistry.create(context(join(FIXTURES, 'real', 't0')));
    const { readings, reports } = set.collect(steppingClock());
    expect(reports.map((r) => [r.name, r.status, r.durationMs])).toEqual([
      ['stat', 'ok', 1],
      ['meminfo', 'ok', 1],
      ['diskstats', 'ok', 1],
      ['netdev', 'ok', 1],
      ['loadavg', 'ok', 1],
    ]);
    expect(readings.stat?.cpus.size).toBeGreaterThan(0);
    expect(readings.loadavg?.load1).toBeGreaterThanOrEqual(0);
  });

  it('keeps "no data" (file absent) apart from failure (file unreadable as expected)', () => {
    const root = tempDir('registry');
    writeFileSync(join(root, 'stat'), 'garbage\n');
    writeFileSync(join(root, 'loadavg'), '0.1 0.2 0.3 1/2 3\n');
    mkdirSync(join(root, 'net'));
    const { readings, reports } = defaultRegistry.create(context(root)).collect(steppingClock());
    const status = Object.fromEntries(reports.map((r) => [r.name, r.status]));
    expect(status).toEqual({ stat: 'error', meminfo: 'no-data', diskstats: 'no-data', netdev: 'no-data', loadavg: 'ok' });
    expect(reports.find((r) => r.name === 'stat')?.error).toMatch(/no aggregate "cpu" line/);
    expect(Object.keys(readings)).toEqual(['loadavg']);
  });

  it('lets the caller switch collectors off and on', () => {
    const set = defaultRegistry.create(context('/proc'), { diskstats: false, netdev: false });
    expect(set.names).toEqual(['stat', 'meminfo', 'loadavg']);
  });

  it('honours defaultEnabled and refuses a second registration of a name', () => {
    const registry = new CollectorRegistry();
    registry.register({
      name: 'loadavg',
      defaultEnabled: false,
      create: () => ({ collect: () => ({ load1: 1, load5: 1, load15: 1, runnable: 1, entities: 1, lastPid: 1 }) }),
    });
    expect(registry.create(context('/proc')).names).toEqual([]);
    expect(registry.create(context('/proc'), { loadavg: true }).names).toEqual(['loadavg']);
    expect(() =>
      registry.register({
        name: 'loadavg',
        defaultEnabled: true,
        create: () => ({
          collect: () => {
            throw new Error('x');
          },
        }),
      }),
    ).toThrow(/twice/);
  });

  it('filters disks and interfaces in the collector', () => {
    const root = join(FIXTURES, 'device-reset', 't0');
    const all = defaultRegistry.create(context(root)).collect(steppingClock()).readings;
    expect(all.diskstats?.map((d) => d.device)).toEqual(['sda', 'sdb']);
    expect(all.netdev?.map((d) => d.device)).toEqual(['eth0', 'eth1']);
    const picked = defaultRegistry
      .create(context(root, { disk: { include: /^sdb$/ }, net: { exclude: /^eth/ } }))
      .collect(steppingClock()).readings;
    expect(picked.diskstats?.map((d) => d.device)).toEqual(['sdb']);
    expect(picked.netdev?.map((d) => d.device)).toEqual(['lo']);
  });
});

describe('device filters', () => {
  const disk = createDeviceFilter({}, DEFAULT_DISK_EXCLUDE);

  it.each(['sda', 'sdaa', 'vda', 'xvda', 'hda', 'nvme0n1', 'nvme10n2', 'mmcblk0', 'nbd0'])('keeps whole disk %s', (name) => {
    expect(disk(name)).toBe(true);
  });

  it.each(['sda1', 'sdaa12', 'vda3', 'xvda1', 'nvme0n1p1', 'mmcblk0p2', 'loop0', 'ram15', 'zram0', 'dm-0', 'md127', 'sr0', 'fd0'])(
    'skips %s by default',
    (name) => expect(disk(name)).toBe(false),
  );

  it('drops the default exclude when an include is given, and applies an explicit exclude', () => {
    expect(createDeviceFilter({ include: /^sda1$/ }, DEFAULT_DISK_EXCLUDE)('sda1')).toBe(true);
    expect(createDeviceFilter({ include: /^sd/, exclude: /1$/ }, DEFAULT_DISK_EXCLUDE)('sda1')).toBe(false);
    expect(createDeviceFilter({ exclude: /^sdb$/ }, DEFAULT_DISK_EXCLUDE)('loop0')).toBe(true);
  });

  it('skips only lo among interfaces by default', () => {
    const net = createDeviceFilter({}, DEFAULT_NET_EXCLUDE);
    expect(['lo', 'eth0', 'lo0', 'wlan0'].filter(net)).toEqual(['eth0', 'lo0', 'wlan0']);
  });
});
