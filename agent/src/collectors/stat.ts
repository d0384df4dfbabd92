import { ParseError } from '../errors/ParseError.js';
import { counter, gauge, nonEmptyLines, splitFields } from './parseFields.js';
import { readProcFile } from './readProcFile.js';
import { defaultRegistry } from './registry.js';

/**
 * Jiffies (USER_HZ ticks) spent per CPU state since boot, as in `/proc/stat`. Fields an older
 * kernel does not print are absent (iowait/irq/softirq came in 2.6.0, steal 2.6.11, guest 2.6.24,
 * guest_nice 2.6.33). `guest` and `guestNice` are already included in `user` and `nice`.
 */
export interface CpuTimes {
  readonly user: bigint;
  readonly nice: bigint;
  readonly system: bigint;
  readonly idle: bigint;
  readonly iowait?: bigint;
  readonly irq?: bigint;
  readonly softirq?: bigint;
  readonly steal?: bigint;
  readonly guest?: bigint;
  readonly guestNice?: bigint;
}

/** The parts of `/proc/stat` the agent uses. */
export interface StatSnapshot {
  /** The aggregate `cpu` line (all CPUs). */
  readonly total: CpuTimes;
  /** Per-CPU lines of the online CPUs, keyed `cpu0`, `cpu1`, … in file order. */
  readonly cpus: ReadonlyMap<string, CpuTimes>;
  /** `btime`: boot time in seconds since the epoch; a change means the machine rebooted. */
  readonly bootTime?: number;
}

const OPTIONAL_FIELDS = ['iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice'] as const;

export function parseStat(text: string): StatSnapshot {
  let total: CpuTimes | undefined;
  const cpus = new Map<string, CpuTimes>();
  let bootTime: number | undefined;
  for (const line of nonEmptyLines(text)) {
    const [key, ...rest] = splitFields(line);
    if (key === 'cpu') total = parseCpuTimes(rest);
    else if (key !== undefined && /^cpu\d+$/.test(key)) cpus.set(key, parseCpuTimes(rest));
    else if (key === 'btime') bootTime = gauge('stat btime', rest[0]);
  }
  if (!total) throw new ParseError('stat', 'no aggregate "cpu" line');
  return { total, cpus, bootTime };
}

function parseCpuTimes(fields: readonly string[]): CpuTimes {
  if (fields.length < 4) throw new ParseError('stat', `cpu line has ${fields.length} fields, expected at least 4`);
  const at = (i: number): bigint => counter('stat', fields[i]);
  const times: { -readonly [K in keyof CpuTimes]: CpuTimes[K] } = { user: at(0), nice: at(1), system: at(2), idle: at(3) };
  OPTIONAL_FIELDS.forEach((name, i) => {
    if (fields[4 + i] !== undefined) times[name] = at(4 + i);
  });
  return times;
}

defaultRegistry.register({
  name: 'stat',
  defaultEnabled: true,
  create: ({ procRoot }) => ({ collect: () => parseStat(readProcFile(procRoot, 'stat')) }),
});
