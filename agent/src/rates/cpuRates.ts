import type { DeviceSample, MetricValues } from '@perfanalysis/contract';
import type { CpuTimes, StatSnapshot } from '../collectors/stat.js';

type Field = keyof CpuTimes;

/** Fields that make up the whole: guest/guest_nice are left out, already inside user/nice. */
const TOTAL_FIELDS: readonly Field[] = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'];

/**
 * CPU % between two readings of one CPU line, as shares of all jiffies that passed:
 * cpu_user = user + nice, cpu_system = system + irq + softirq, cpu_idle, cpu_iowait, cpu_steal.
 * They add up to 100. Fields an old kernel lacks stay absent.
 *
 * Rule: a field that steps back is taken as 0 (idle and iowait are known to go back a few ticks
 * on tickless kernels: proc(5) "iowait ... can decrease"), but if the *sum* went back the CPU's
 * counters restarted (reboot, hot-plug on some hypervisors) and the CPU is skipped this sample.
 * A sum that did not move (no tick elapsed) is skipped too: no time, no percentage.
 */
export function cpuPercent(prev: CpuTimes, cur: CpuTimes): MetricValues | undefined {
  if (cpuTotal(cur) < cpuTotal(prev)) return undefined;
  const delta = (field: Field): number | undefined => {
    const a = prev[field];
    const b = cur[field];
    return a === undefined || b === undefined ? undefined : Math.max(0, Number(b - a));
  };
  const d = Object.fromEntries(TOTAL_FIELDS.map((f) => [f, delta(f)])) as Record<Field, number | undefined>;
  const total = TOTAL_FIELDS.reduce((acc, f) => acc + (d[f] ?? 0), 0);
  if (total <= 0) return undefined;
  const pct = (...parts: (number | undefined)[]): number => (parts.reduce<number>((a, p) => a + (p ?? 0), 0) / total) * 100;
  const values: MetricValues = {
    cpu_user: pct(d.user, d.nice),
    cpu_system: pct(d.system, d.irq, d.softirq),
    cpu_idle: pct(d.idle),
  };
  if (d.iowait !== undefined) values.cpu_iowait = pct(d.iowait);
  if (d.steal !== undefined) values.cpu_steal = pct(d.steal);
  return values;
}

/** Aggregate CPU % and one DeviceSample per CPU present in both readings (hot-plug safe). */
export function cpuRates(prev: StatSnapshot, cur: StatSnapshot): { values?: MetricValues; devices: DeviceSample[] } {
  const devices: DeviceSample[] = [];
  for (const [name, times] of cur.cpus) {
    const before = prev.cpus.get(name);
    const values = before && cpuPercent(before, times);
    if (values) devices.push({ kind: 'cpu', device: name, values });
  }
  return { values: cpuPercent(prev.total, cur.total), devices };
}

/** All jiffies of a CPU line; only a reboot makes the aggregate go back. */
export function cpuTotal(times: CpuTimes): bigint {
  return TOTAL_FIELDS.reduce((acc, f) => acc + (times[f] ?? 0n), 0n);
}
