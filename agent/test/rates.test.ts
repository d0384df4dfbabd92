import type { DiskStat } from '../src/collectors/diskstats.js';
import type { MeminfoSnapshot } from '../src/collectors/meminfo.js';
import type { NetDevStat } from '../src/collectors/netdev.js';
import { parseStat, type CpuTimes } from '../src/collectors/stat.js';
import { counterDelta } from '../src/rates/counterDelta.js';
import { cpuPercent, cpuRates } from '../src/rates/cpuRates.js';
import { diskRates } from '../src/rates/diskRates.js';
import { memoryValues } from '../src/rates/memoryValues.js';
import { netRates } from '../src/rates/netRates.js';
import { rebooted } from '../src/rates/rebooted.js';

const W32 = 2n ** 32n;
const W64 = 2n ** 64n;
const BIG = 1e15;

describe('counterDelta: the wrap/reset rule', () => {
  it('takes a forward step as is', () => {
    expect(counterDelta(100n, 250n, BIG)).toEqual({ kind: 'delta', value: 150 });
    expect(counterDelta(7n, 7n, BIG)).toEqual({ kind: 'delta', value: 0 });
  });

  it('reads a step back from the top quarter of 2^32 to a small value as a 32-bit wrap', () => {
    expect(counterDelta(W32 - 1024n, 1024n, BIG)).toEqual({ kind: 'delta', value: 2048, wrappedAt: 32 });
    expect(counterDelta(W32 - 1n, 0n, BIG)).toEqual({ kind: 'delta', value: 1, wrappedAt: 32 });
  });

  it('reads a step back from the top quarter of 2^64 as a 64-bit wrap, exactly', () => {
    expect(counterDelta(W64 - 1024n, 1024n, BIG)).toEqual({ kind: 'delta', value: 2048, wrappedAt: 64 });
  });

  it('calls any other step back a reset', () => {
    expect(counterDelta(10_000_000n, 5n, BIG)).toEqual({ kind: 'reset' }); // reboot: prev far below 0.75·2^32
    expect(counterDelta(W32 * 4n, 5n, BIG)).toEqual({ kind: 'reset' }); // a 64-bit counter well below 0.75·2^64
    expect(counterDelta(W32 - 10n, W32 - 20n, BIG)).toEqual({ kind: 'reset' }); // a wrap cannot land that high
  });

  it('rejects a wrap or a step larger than the plausible maximum', () => {
    expect(counterDelta(W32 - 1024n, 1024n, 1000)).toEqual({ kind: 'reset' });
    expect(counterDelta(0n, 10n ** 18n, 1e12)).toEqual({ kind: 'implausible' });
  });
});

const cpu = (
  user: number,
  system: number,
  idle: number,
  iowait: number,
  steal: number,
  extra: Partial<Record<'nice' | 'irq' | 'softirq', number>> = {},
): CpuTimes => ({
  user: BigInt(user),
  nice: BigInt(extra.nice ?? 0),
  system: BigInt(system),
  idle: BigInt(idle),
  iowait: BigInt(iowait),
  irq: BigInt(extra.irq ?? 0),
  softirq: BigInt(extra.softirq ?? 0),
  steal: BigInt(steal),
  guest: 0n,
  guestNice: 0n,
});

describe('CPU % from jiffies', () => {
  it('splits the jiffies that passed into shares that add up to 100', () => {
    const values = cpuPercent(cpu(100, 100, 100, 100, 100), cpu(130, 110, 150, 105, 105, { nice: 10, irq: 5, softirq: 5 }))!;
    // Δ: user 30 + nice 10 = 40, system 10 + irq 5 + softirq 5 = 20, idle 50, iowait 5, steal 5 → 120
    expect(values.cpu_user).toBeCloseTo((40 / 120) * 100, 10);
    expect(values.cpu_system).toBeCloseTo((20 / 120) * 100, 10);
    expect(values.cpu_idle).toBeCloseTo((50 / 120) * 100, 10);
    expect(values.cpu_iowait! + values.cpu_steal!).toBeCloseTo((10 / 120) * 100, 10);
    const sum = Object.values(values).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(100, 10);
  });

  it('does not count guest time twice (it is inside user already)', () => {
    const a = { ...cpu(0, 0, 0, 0, 0), guest: 0n };
    const b = { ...cpu(50, 0, 50, 0, 0), guest: 50n };
    expect(cpuPercent(a, b)).toMatchObject({ cpu_user: 50, cpu_idle: 50 });
  });

  it('takes a field stepping back (iowait on tickless kernels) as 0, never negative', () => {
    const values = cpuPercent(cpu(100, 100, 100, 100, 0), cpu(150, 100, 150, 98, 0))!;
    expect(values.cpu_iowait).toBe(0);
    expect(values.cpu_user).toBe(50);
  });

  it('skips a CPU whose jiffies went back in total (restarted), or did not move', () => {
    expect(cpuPercent(cpu(500, 500, 500, 0, 0), cpu(10, 10, 10, 0, 0))).toBeUndefined();
    expect(cpuPercent(cpu(5, 5, 5, 5, 5), cpu(5, 5, 5, 5, 5))).toBeUndefined();
  });

  it('leaves iowait and steal absent when the kernel does not have them', () => {
    const old = (u: bigint, s: bigint, i: bigint): CpuTimes => ({ user: u, nice: 0n, system: s, idle: i });
    const values = cpuPercent(old(0n, 0n, 0n), old(25n, 25n, 50n))!;
    expect(values).toEqual({ cpu_user: 25, cpu_system: 25, cpu_idle: 50 });
  });

  it('reports per CPU only the CPUs present in both readings (hot-plug)', () => {
    const before = parseStat('cpu  0 0 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0\n');
    const after = parseStat('cpu  150 0 0 50 0 0 0 0\ncpu0 100 0 0 0 0 0 0 0\ncpu2 50 0 0 50 0 0 0 0\n');
    const rates = cpuRates(before, after);
    expect(rates.devices.map((d) => d.device)).toEqual(['cpu0']);
    expect(rates.values).toMatchObject({ cpu_user: 75, cpu_idle: 25 });
  });

  it('sees a reboot when the aggregate jiffies go back or btime jumps', () => {
    const at = (jiffies: number, btime: number) => parseStat(`cpu  ${jiffies} 0 0 0\nbtime ${btime}\n`);
    expect(rebooted(at(1000, 1_700_000_000), at(10, 1_700_000_000))).toBe(true);
    expect(rebooted(at(1000, 1_700_000_000), at(2000, 1_700_003_600))).toBe(true);
    expect(rebooted(at(1000, 1_700_000_000), at(2000, 1_700_000_030))).toBe(false); // an NTP step
  });
});

describe('memory in MB', () => {
  const base: MeminfoSnapshot = {
    memTotalKb: 8 * 1024 * 1024,
    memFreeKb: 2 * 1024 * 1024,
    memAvailableKb: 5 * 1024 * 1024,
    buffersKb: 256 * 1024,
    cachedKb: 1024 * 1024,
    swapTotalKb: 2 * 1024 * 1024,
    swapFreeKb: 1536 * 1024,
    fields: new Map(),
  };

  it('uses MemAvailable for used memory when the kernel has it', () => {
    expect(memoryValues(base)).toEqual({
      mem_total_mb: 8192,
      mem_free_mb: 2048,
      mem_used_mb: 3072,
      mem_available_mb: 5120,
      mem_cached_mb: 1024,
      mem_buffers_mb: 256,
      swap_total_mb: 2048,
      swap_used_mb: 512,
    });
  });

  it('falls back to total − free − buffers − cached without MemAvailable, and leaves available absent', () => {
    const { memAvailableKb: _drop, ...old } = base;
    const values = memoryValues(old);
    expect(values.mem_used_mb).toBe(8192 - 2048 - 256 - 1024);
    expect(values).not.toHaveProperty('mem_available_mb');
  });
});

const disk = (
  device: string,
  v: { reads?: bigint; rs?: bigint; writes?: bigint; ws?: bigint; busy?: bigint; minor?: number },
): DiskStat => ({
  major: 8,
  minor: v.minor ?? 0,
  device,
  readsCompleted: v.reads ?? 0n,
  readsMerged: 0n,
  sectorsRead: v.rs ?? 0n,
  readTimeMs: 0n,
  writesCompleted: v.writes ?? 0n,
  writesMerged: 0n,
  sectorsWritten: v.ws ?? 0n,
  writeTimeMs: 0n,
  ioInProgress: 0,
  ioTimeMs: v.busy ?? 0n,
  weightedIoTimeMs: 0n,
});

describe('disk rates', () => {
  it('turns sectors into MB/s, requests into ops/s and io_ticks into % busy', () => {
    const r = diskRates([disk('sda', {})], [disk('sda', { reads: 200n, rs: 4096n, writes: 100n, ws: 8192n, busy: 500n })], 2);
    expect(r.devices[0]?.values).toEqual({ disk_read_mb: 1, disk_write_mb: 2, disk_read_ops: 100, disk_write_ops: 50, disk_io_util: 25 });
  });

  it('caps utilisation at 100 % (io_ticks can run ahead of the elapsed time by a tick)', () => {
    const r = diskRates([disk('sda', {})], [disk('sda', { busy: 1010n })], 1);
    expect(r.values.disk_io_util).toBe(100);
  });

  it('sums devices into the aggregate, except utilisation which is the busiest device', () => {
    const prev = [disk('sda', {}), disk('sdb', { minor: 16 })];
    const cur = [disk('sda', { ws: 2048n, busy: 300n }), disk('sdb', { minor: 16, ws: 2048n, busy: 700n })];
    expect(diskRates(prev, cur, 1).values).toMatchObject({ disk_write_mb: 2, disk_io_util: 70 });
  });

  it('primes a device that appears, or that came back under the same name as another device', () => {
    const r = diskRates([disk('sda', {})], [disk('sda', { minor: 5, ws: 2048n }), disk('sdb', { ws: 2048n })], 1);
    expect(r.devices).toEqual([]);
    expect(r.values).toEqual({});
  });

  it('skips a whole device whose counters reset, and keeps the others in the aggregate', () => {
    const prev = [disk('sda', { ws: 1000n }), disk('sdb', { minor: 16, reads: 10n ** 6n, ws: 10n ** 9n, busy: 10n ** 6n })];
    const cur = [disk('sda', { ws: 3048n }), disk('sdb', { minor: 16, reads: 3n, ws: 50n, busy: 10n ** 6n + 5n })];
    const r = diskRates(prev, cur, 1);
    expect(r.devices.map((d) => d.device)).toEqual(['sda']);
    expect(r.values.disk_write_mb).toBe(1);
  });

  it('handles a 32-bit io_ticks wrap and a 64-bit sector wrap', () => {
    const r = diskRates([disk('sda', { busy: W32 - 400n, ws: W64 - 1024n })], [disk('sda', { busy: 100n, ws: 1024n })], 1);
    expect(r.values).toMatchObject({ disk_io_util: 50, disk_write_mb: 1 });
  });
});

const nic = (device: string, rxBytes: bigint, txBytes = 0n, errs = 0n, rxPackets = rxBytes / 1000n): NetDevStat => ({
  device,
  rxBytes,
  rxPackets,
  rxErrors: errs,
  rxDropped: 0n,
  rxFifo: 0n,
  rxFrame: 0n,
  rxCompressed: 0n,
  rxMulticast: 0n,
  txBytes,
  txPackets: txBytes / 1000n,
  txErrors: 0n,
  txDropped: 0n,
  txFifo: 0n,
  txCollisions: 0n,
  txCarrier: 0n,
  txCompressed: 0n,
});

describe('network rates', () => {
  it('gives MB/s, packets/s and errors/s per interface and summed', () => {
    const r = netRates([nic('eth0', 0n), nic('eth1', 0n)], [nic('eth0', 1_048_576_000n, 0n, 4n), nic('eth1', 1_048_576_000n)], 2);
    expect(r.devices[0]?.values).toMatchObject({ net_rx_mb: 500, net_rx_packets: 524288, net_rx_errors: 2 });
    expect(r.values).toMatchObject({ net_rx_mb: 1000, net_rx_packets: 1048576, net_rx_errors: 2, net_tx_mb: 0 });
  });

  it('never yields a negative or absurd rate across a 32-bit wrap or a reset', () => {
    const wrap = netRates([nic('eth0', W32 - 1000n, 0n, 0n, 7n)], [nic('eth0', 1000n, 0n, 0n, 9n)], 1);
    expect(wrap.values.net_rx_mb).toBeCloseTo(2000 / 1048576, 12);
    const reset = netRates([nic('eth0', 5_000_000_000n)], [nic('eth0', 1000n)], 1);
    expect(reset.devices).toEqual([]);
    expect(reset.values).toEqual({});
  });
});
