import type { DeviceSample, MetricPoint } from '@perfanalysis/contract';
import { exp, floor, imul, max, min, PI, round, sin } from '../builtins.js';

/** Shape of a synthetic series (tests, benchmarks, demos). */
export interface SyntheticOptions {
  /** PRNG seed: the same seed gives the same points. @default 1 */
  readonly seed?: number;
  /** First timestamp, epoch ms. @default 2025-01-06T00:00:00Z */
  readonly start?: number;
  /** Number of points. @default 86,400 (a day at 1 s) */
  readonly count?: number;
  /** @default 1000 */
  readonly intervalMs?: number;
  /** @default 4 */
  readonly cpus?: number;
  /** @default ['sda', 'sdb'] */
  readonly disks?: readonly string[];
  /** @default ['eth0', 'eth1'] */
  readonly interfaces?: readonly string[];
  /** @default 16384 */
  readonly memTotalMb?: number;
  /** @default 4096 */
  readonly swapTotalMb?: number;
  /** Include per-device samples. @default true */
  readonly devices?: boolean;
}

/** mulberry32: tiny, fast, good enough for test data, and reproducible across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

/**
 * Realistic-looking metric points without `Date.now` or `Math.random`: a diurnal CPU curve
 * with noise and a few saturated bursts, per-core imbalance, memory with a growing cache and
 * a swap step, bursty disks, network following CPU, and a short burst of receive errors on
 * the last interface. Values are rounded to 2 decimals as agents write them.
 */
export function generateMetricPoints(options: SyntheticOptions = {}): MetricPoint[] {
  return [...iterateMetricPoints(options)];
}

/**
 * The points of {@link generateMetricPoints} one at a time, so that a benchmark can stream a
 * day into a `ReportDataBuilder` without holding 86,400 objects.
 */
export function* iterateMetricPoints(options: SyntheticOptions = {}): Generator<MetricPoint> {
  const random = mulberry32(options.seed ?? 1);
  const start = options.start ?? Date.UTC(2025, 0, 6);
  const count = options.count ?? 86_400;
  const interval = options.intervalMs ?? 1000;
  const cpus = options.cpus ?? 4;
  const disks = options.disks ?? ['sda', 'sdb'];
  const interfaces = options.interfaces ?? ['eth0', 'eth1'];
  const memTotal = options.memTotalMb ?? 16384;
  const swapTotal = options.swapTotalMb ?? 4096;
  const withDevices = options.devices ?? true;
  const span = count * interval;
  // Bursts at fixed fractions of the window, so a short window still has one.
  const bursts = [0.18, 0.52, 0.81].map((f) => ({ at: f * span, length: max(interval * 5, span * (0.004 + random() * 0.01)) }));
  const errorBurst = { at: 0.66 * span, length: max(interval * 3, span * 0.002) };
  const coreWeights = Array.from({ length: cpus }, (_, c) => 1.25 - (0.5 * c) / max(1, cpus - 1) + random() * 0.1);
  let walk = 0;
  let load1 = cpus * 0.3;
  let load5 = load1;
  let load15 = load1;
  const r2 = (v: number): number => round(v * 100) / 100;

  for (let i = 0; i < count; i++) {
    const timestamp = start + i * interval;
    const elapsed = i * interval;
    const dayPhase = ((timestamp % DAY_MS) / DAY_MS) * 2 * PI;
    walk = max(-12, min(12, walk + (random() - 0.5) * 1.5));
    const inBurst = bursts.some((b) => elapsed >= b.at && elapsed < b.at + b.length);
    // Quiet at night, busiest mid-afternoon UTC.
    const base = 28 + 22 * sin(dayPhase - (3 * PI) / 4) + walk;
    const busy = min(98, max(2, inBurst ? 92 + random() * 6 : base + (random() - 0.5) * 8));
    const iowait = min(30, max(0, 1.5 + (inBurst ? 6 : 0) + (random() - 0.5) * 2));
    const steal = max(0, 0.4 + (random() - 0.5) * 0.6);
    const user = busy * 0.68;
    const system = max(0, busy * 0.32 - steal);
    const idle = max(0, 100 - busy - iowait);

    const cached = 3000 + 2500 * (elapsed / max(span, 1)) + 200 * sin(dayPhase * 3);
    const buffers = 300 + 40 * sin(dayPhase * 5);
    const used = min(memTotal - cached - buffers - 200, 5200 + busy * 40 + 600 * sin(dayPhase * 2) + random() * 120);
    const free = max(0, memTotal - used - cached - buffers);
    const available = free + cached * 0.85 + buffers;
    const swapUsed = elapsed > 0.6 * span ? 180 + 20 * sin(dayPhase * 7) : 0;

    const deviceSamples: DeviceSample[] = [];
    const core = coreWeights.map((w) => min(100, max(0, busy * w + (random() - 0.5) * 10)));
    if (withDevices) {
      core.forEach((b, c) => {
        const w = min(100 - b, iowait * (0.5 + random()));
        deviceSamples.push({
          kind: 'cpu',
          device: `cpu${c}`,
          values: {
            cpu_user: r2(b * 0.68),
            cpu_system: r2(b * 0.32),
            cpu_iowait: r2(w),
            cpu_steal: r2(steal),
            cpu_idle: r2(max(0, 100 - b - w)),
          },
        });
      });
    }
    let readMb = 0;
    let writeMb = 0;
    let readOps = 0;
    let writeOps = 0;
    let utilMax = 0;
    disks.forEach((device, d) => {
      const flush = (i + d * 7) % 30 < 2;
      const read = max(0, (inBurst ? 140 : 12) * (1 - d * 0.5) * random() + (d === 0 && flush ? 30 : 0));
      const write = max(0, 4 + 6 * random() + (flush ? 55 : 0) + (inBurst ? 40 : 0));
      const rOps = read * 12 + random() * 20;
      const wOps = write * 18 + random() * 20;
      const util = min(100, (read + write) / 2.2 + random() * 4);
      readMb += read;
      writeMb += write;
      readOps += rOps;
      writeOps += wOps;
      utilMax = max(utilMax, util);
      if (withDevices) {
        deviceSamples.push({
          kind: 'disk',
          device,
          values: {
            disk_read_mb: r2(read),
            disk_write_mb: r2(write),
            disk_read_ops: r2(rOps),
            disk_write_ops: r2(wOps),
            disk_io_util: r2(util),
          },
        });
      }
    });
    let rxMb = 0;
    let txMb = 0;
    let rxPk = 0;
    let txPk = 0;
    let rxErr = 0;
    interfaces.forEach((device, n) => {
      const share = n === 0 ? 0.8 : 0.2;
      const rx = max(0, (busy / 100) * 40 * share + random() * 2);
      const tx = max(0, (busy / 100) * 25 * share + random() * 1.5);
      const errors =
        n === interfaces.length - 1 && elapsed >= errorBurst.at && elapsed < errorBurst.at + errorBurst.length ? floor(random() * 4) : 0;
      rxMb += rx;
      txMb += tx;
      rxPk += rx * 720;
      txPk += tx * 700;
      rxErr += errors;
      if (withDevices) {
        deviceSamples.push({
          kind: 'net',
          device,
          values: {
            net_rx_mb: r2(rx),
            net_tx_mb: r2(tx),
            net_rx_packets: r2(rx * 720),
            net_tx_packets: r2(tx * 700),
            net_rx_errors: errors,
            net_tx_errors: 0,
          },
        });
      }
    });
    const alpha = 1 - exp(-interval / 60_000);
    const running = (busy / 100) * cpus + iowait / 100;
    load1 += (running - load1) * alpha;
    load5 += (running - load5) * (alpha / 5);
    load15 += (running - load15) * (alpha / 15);

    yield {
      timestamp,
      values: {
        cpu_user: r2(user),
        cpu_system: r2(system),
        cpu_idle: r2(idle),
        cpu_iowait: r2(iowait),
        cpu_steal: r2(steal),
        mem_total_mb: memTotal,
        mem_used_mb: r2(used),
        mem_free_mb: r2(free),
        mem_available_mb: r2(available),
        mem_cached_mb: r2(cached),
        mem_buffers_mb: r2(buffers),
        swap_total_mb: swapTotal,
        swap_used_mb: r2(swapUsed),
        disk_read_mb: r2(readMb),
        disk_write_mb: r2(writeMb),
        disk_read_ops: r2(readOps),
        disk_write_ops: r2(writeOps),
        disk_io_util: r2(utilMax),
        net_rx_mb: r2(rxMb),
        net_tx_mb: r2(txMb),
        net_rx_packets: r2(rxPk),
        net_tx_packets: r2(txPk),
        net_rx_errors: rxErr,
        net_tx_errors: 0,
        load_1min: r2(load1),
        load_5min: r2(load5),
        load_15min: r2(load15),
      },
      ...(withDevices ? { devices: deviceSamples } : {}),
    };
  }
}
