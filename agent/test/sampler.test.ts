import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricPoint } from '@perfanalysis/contract';
import { createSampler, type SampleResult } from '../src/createSampler.js';
import { fixtureProc, type FixtureProc } from './helpers/fixtureProc.js';
import { manualClock } from './helpers/manualClock.js';

/** Samples every step of a fixture sequence, one second apart on the injected clock. */
function run(sequence: string, between?: (proc: FixtureProc, step: number) => void): SampleResult[] {
  const proc = fixtureProc(sequence);
  const time = manualClock();
  const sampler = createSampler({ procRoot: proc.root, clock: time.clock });
  const results: SampleResult[] = [];
  try {
    for (let step = 0; step < proc.steps.length; step += 1) {
      proc.show(step);
      between?.(proc, step);
      results.push(sampler.sampleDetailed());
      time.advance(1000);
    }
  } finally {
    proc.remove();
  }
  return results;
}

const devicesOf = (point: MetricPoint | undefined, kind: string): string[] =>
  (point?.devices ?? []).filter((d) => d.kind === kind).map((d) => d.device);

describe('sampler over captured /proc files', () => {
  const results = run('real');

  it('only primes on the first read', () => {
    expect(results[0]).toMatchObject({ skipped: 'priming' });
    expect(results[0]?.point).toBeUndefined();
    expect(results.slice(1).every((r) => r.point !== undefined)).toBe(true);
  });

  it('gives CPU shares that add up to 100, in range, with every column of the contract', () => {
    for (const { point } of results.slice(1)) {
      const v = point!.values;
      const sum = v.cpu_user! + v.cpu_system! + v.cpu_idle! + v.cpu_iowait! + v.cpu_steal!;
      expect(sum).toBeCloseTo(100, 4);
      for (const value of Object.values(v)) expect(value).toBeGreaterThanOrEqual(0);
      expect(Object.keys(v)).toHaveLength(27);
    }
  });

  it('keeps per-CPU, per-disk and per-interface values, without lo, loop or zram', () => {
    const point = results[1]?.point;
    expect(devicesOf(point, 'cpu')).toEqual(['cpu0', 'cpu1']);
    expect(devicesOf(point, 'disk')).toEqual(['vda']);
    expect(devicesOf(point, 'net')).toEqual(['ifb0', 'ifb1', 'eth0']);
    expect(point!.values.disk_write_mb).toBeGreaterThan(0); // dd was writing during the capture
  });

  it('stamps points with the wall clock', () => {
    expect(results[1]?.point?.timestamp).toBe(Date.UTC(2025, 0, 15, 12, 0, 1));
  });
});

describe('sampler edge cases (hand-made sequences)', () => {
  it('measures rates over the monotonic time that passed, not the nominal period', () => {
    const proc = fixtureProc('wrap64');
    const time = manualClock();
    const sampler = createSampler({ procRoot: proc.root, clock: time.clock });
    sampler.sample();
    proc.show(2);
    time.advance(2000);
    const point = sampler.sample();
    proc.remove();
    expect(point?.values.net_rx_mb).toBe(1); // 2 MiB over 2 s
  });

  it('32-bit wrap: rx bytes, rx packets and io_ticks wrap, rates stay right', () => {
    const [, first, second] = run('wrap32');
    expect(first?.point?.values).toMatchObject({ net_rx_mb: 0.001953 /* 2 KiB/s, 6 decimals */, net_rx_packets: 16, disk_io_util: 100 });
    expect(second?.point?.values).toMatchObject({ net_rx_mb: 1, net_rx_packets: 1000, disk_io_util: 100 });
  });

  it('64-bit wrap: tx bytes and sectors written wrap, rates stay right', () => {
    const [, first] = run('wrap64');
    expect(first?.point?.values).toMatchObject({ net_tx_mb: 0.001953, disk_write_mb: 2, net_rx_mb: 1 });
  });

  it('reboot: the sample after it only primes, the next one is normal', () => {
    const [, reboot, after] = run('reboot');
    expect(reboot).toMatchObject({ skipped: 'reboot' });
    expect(reboot?.point).toBeUndefined();
    expect(after?.point?.values).toMatchObject({ cpu_user: 50, disk_write_mb: 2, net_rx_mb: 1 });
  });

  it('device re-added: the reset device is skipped for one sample, the others are not', () => {
    const [, reset, after] = run('device-reset');
    expect(devicesOf(reset?.point, 'disk')).toEqual(['sda']);
    expect(devicesOf(reset?.point, 'net')).toEqual(['eth0']);
    expect(reset?.point?.values).toMatchObject({ disk_write_mb: 2, net_rx_mb: 1 });
    expect(devicesOf(after?.point, 'disk')).toEqual(['sda', 'sdb']);
    expect(after?.point?.values).toMatchObject({ disk_write_mb: 4, net_rx_mb: 2 });
  });

  it('CPU hot-plug: a CPU that appears or returns primes, one that leaves is dropped', () => {
    const [, appear, leave, back] = run('cpu-hotplug');
    expect(devicesOf(appear?.point, 'cpu')).toEqual(['cpu0', 'cpu1']);
    expect(devicesOf(leave?.point, 'cpu')).toEqual(['cpu0', 'cpu1', 'cpu3']);
    expect(devicesOf(back?.point, 'cpu')).toEqual(['cpu0', 'cpu1', 'cpu3']);
    for (const r of [appear, leave, back]) {
      const v = r!.point!.values;
      expect(v.cpu_user! + v.cpu_system! + v.cpu_idle! + v.cpu_iowait! + v.cpu_steal!).toBeCloseTo(100, 4);
    }
  });

  it('disk and interface appearing: primed on arrival, counted from the next sample', () => {
    const [, sdb, eth1, both] = run('disk-appear');
    expect(devicesOf(sdb?.point, 'disk')).toEqual(['sda']);
    expect(devicesOf(eth1?.point, 'disk')).toEqual(['sda', 'sdb']);
    expect(devicesOf(eth1?.point, 'net')).toEqual(['eth0']);
    expect(devicesOf(both?.point, 'net')).toEqual(['eth0', 'eth1']);
    expect(both?.point?.values).toMatchObject({ disk_io_util: 50, disk_write_mb: 4, net_rx_mb: 2 });
  });

  it('old kernel: no MemAvailable, 14-field diskstats, 8-field stat', () => {
    const [, first] = run('old-kernel');
    const v = first!.point!.values;
    expect(v.mem_used_mb).toBe((8192000 - 4096000 - 102400 - 1024000) / 1024);
    expect(v).not.toHaveProperty('mem_available_mb');
    expect(v).toMatchObject({ cpu_user: 50, cpu_steal: 3, disk_write_mb: 2, net_rx_mb: 1 });
  });

  it('no /proc/diskstats: disk columns absent, the collector says no-data, the point still comes', () => {
    const [, first] = run('no-disks');
    expect(first?.reports.find((r) => r.name === 'diskstats')?.status).toBe('no-data');
    expect(first?.point?.values).not.toHaveProperty('disk_write_mb');
    expect(first?.point?.values.net_rx_mb).toBe(1);
  });

  it('a source that failed once computes its next rate over the longer gap', () => {
    const results = run('disk-appear', (proc, step) => {
      if (step === 1) rmSync(join(proc.root, 'net', 'dev'));
    });
    expect(results[1]?.reports.find((r) => r.name === 'netdev')?.status).toBe('no-data');
    expect(results[1]?.point?.values).not.toHaveProperty('net_rx_mb');
    expect(results[2]?.point?.values.net_rx_mb).toBe(1); // t0 → t2: 2 MiB over 2 s
  });

  it('emits nothing when CPU % cannot be computed (the upload format requires it)', () => {
    const results = run('wrap32', (proc, step) => {
      if (step === 1) rmSync(join(proc.root, 'stat'));
    });
    expect(results[1]).toMatchObject({ skipped: 'cpu-unavailable' });
    expect(results[2]?.point?.values.cpu_user).toBe(50); // t0 → t2
  });
});
