import type { MetricValues } from '@perfanalysis/contract';
import type { DiskStat } from '../collectors/diskstats.js';
import { MAX_PER_SECOND, MIB, SECTOR_BYTES } from './ceilings.js';
import { deviceRates, type DeviceRates, type DeviceRatesSpec } from './deviceRates.js';

/**
 * disk_read_mb / disk_write_mb: Δsectors × 512 B / 1 MiB per second;
 * disk_read_ops / disk_write_ops: Δcompleted requests per second;
 * disk_io_util: Δio_ticks (ms busy) / elapsed ms × 100, capped at 100.
 * The aggregate sums devices, except disk_io_util: the busiest device's %, since utilisation
 * of independent disks does not add up and "one disk is saturated" is what it must show.
 */
const DISK: DeviceRatesSpec<DiskStat> = {
  kind: 'disk',
  counters: [
    { column: 'disk_read_mb', counter: (d) => d.sectorsRead, scale: SECTOR_BYTES / MIB, maxPerSecond: MAX_PER_SECOND.sectors },
    { column: 'disk_write_mb', counter: (d) => d.sectorsWritten, scale: SECTOR_BYTES / MIB, maxPerSecond: MAX_PER_SECOND.sectors },
    { column: 'disk_read_ops', counter: (d) => d.readsCompleted, scale: 1, maxPerSecond: MAX_PER_SECOND.ops },
    { column: 'disk_write_ops', counter: (d) => d.writesCompleted, scale: 1, maxPerSecond: MAX_PER_SECOND.ops },
    // ms busy per second → %: ×100 / 1000.
    { column: 'disk_io_util', counter: (d) => d.ioTimeMs, scale: 0.1, maxPerSecond: MAX_PER_SECOND.busyMs },
  ],
  // A name reused by another device (re-plugged as a new minor) is a new device.
  sameDevice: (a, b) => a.major === b.major && a.minor === b.minor,
  finish: capUtil,
  maxColumns: ['disk_io_util'],
};

export function diskRates(prev: readonly DiskStat[], cur: readonly DiskStat[], elapsedS: number): DeviceRates {
  return deviceRates(DISK, prev, cur, elapsedS);
}

function capUtil(values: MetricValues): MetricValues {
  const util = values.disk_io_util;
  return util === undefined || util <= 100 ? values : { ...values, disk_io_util: 100 };
}
