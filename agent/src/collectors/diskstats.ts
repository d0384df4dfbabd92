import { counter, gauge, nonEmptyLines, splitFields } from './parseFields.js';
import { createDeviceFilter, DEFAULT_DISK_EXCLUDE } from './deviceFilter.js';
import { readProcFile } from './readProcFile.js';
import { defaultRegistry } from './registry.js';

/**
 * One line of `/proc/diskstats` (Documentation/admin-guide/iostats.rst). Sectors are always
 * 512 bytes whatever the device's own sector size. Times are milliseconds; the kernel prints
 * the time fields as 32-bit `unsigned int`, so they wrap every ~49.7 days of busy time.
 */
export interface DiskStat {
  readonly major: number;
  readonly minor: number;
  readonly device: string;
  readonly readsCompleted: bigint;
  readonly readsMerged: bigint;
  readonly sectorsRead: bigint;
  readonly readTimeMs: bigint;
  readonly writesCompleted: bigint;
  readonly writesMerged: bigint;
  readonly sectorsWritten: bigint;
  readonly writeTimeMs: bigint;
  /** The only gauge: requests in flight right now. */
  readonly ioInProgress: number;
  /** io_ticks: ms during which at least one request was in flight (the basis of %util). */
  readonly ioTimeMs: bigint;
  readonly weightedIoTimeMs: bigint;
  /** Discard fields, kernel 4.18+. */
  readonly discardsCompleted?: bigint;
  readonly discardsMerged?: bigint;
  readonly sectorsDiscarded?: bigint;
  readonly discardTimeMs?: bigint;
  /** Flush fields, kernel 5.5+. */
  readonly flushesCompleted?: bigint;
  readonly flushTimeMs?: bigint;
}

/** Devices in file order. */
export type DiskstatsSnapshot = readonly DiskStat[];

/**
 * Parses every device line. Lines with fewer than 14 fields are skipped: before 2.6.25 the
 * kernel printed partitions with only 4 counters and no timings, and partitions are excluded
 * by default anyway.
 */
export function parseDiskstats(text: string): DiskstatsSnapshot {
  const disks: DiskStat[] = [];
  for (const line of nonEmptyLines(text)) {
    const fields = splitFields(line);
    if (fields.length < 14) continue;
    disks.push(parseDiskLine(fields));
  }
  return disks;
}

function parseDiskLine(f: readonly string[]): DiskStat {
  const c = (i: number): bigint => counter('diskstats', f[i]);
  const optional = (i: number): bigint | undefined => (f[i] === undefined ? undefined : c(i));
  return {
    major: gauge('diskstats', f[0]),
    minor: gauge('diskstats', f[1]),
    device: f[2]!,
    readsCompleted: c(3),
    readsMerged: c(4),
    sectorsRead: c(5),
    readTimeMs: c(6),
    writesCompleted: c(7),
    writesMerged: c(8),
    sectorsWritten: c(9),
    writeTimeMs: c(10),
    ioInProgress: gauge('diskstats', f[11]),
    ioTimeMs: c(12),
    weightedIoTimeMs: c(13),
    discardsCompleted: optional(14),
    discardsMerged: optional(15),
    sectorsDiscarded: optional(16),
    discardTimeMs: optional(17),
    flushesCompleted: optional(18),
    flushTimeMs: optional(19),
  };
}

defaultRegistry.register({
  name: 'diskstats',
  defaultEnabled: true,
  create: ({ procRoot, disk }) => {
    const keep = createDeviceFilter(disk, DEFAULT_DISK_EXCLUDE);
    return { collect: () => parseDiskstats(readProcFile(procRoot, 'diskstats')).filter((d) => keep(d.device)) };
  },
});
