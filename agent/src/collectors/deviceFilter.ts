/** Which devices of a per-device source (disks, interfaces) a collector keeps. */
export interface DeviceFilterOptions {
  /** Keep only devices matching this. @default undefined (all) */
  readonly include?: RegExp;
  /**
   * Drop devices matching this. @default the collector's default exclude, but only when
   * neither `include` nor `exclude` is given (an explicit include means "exactly these").
   */
  readonly exclude?: RegExp;
}

export type DeviceFilter = (device: string) => boolean;

export function createDeviceFilter(options: DeviceFilterOptions, defaultExclude: RegExp): DeviceFilter {
  const { include } = options;
  const exclude = options.exclude ?? (include ? undefined : defaultExclude);
  return (device) => (include === undefined || include.test(device)) && !exclude?.test(device);
}

/**
 * Disks skipped by default, because their I/O is already counted on another device (partitions
 * on their disk, device-mapper and md volumes on their members) or is not disk I/O at all (loop,
 * ram, zram, floppy, optical). Partition patterns follow node_exporter's diskstats default.
 */
export const DEFAULT_DISK_EXCLUDE = /^(z?ram|loop|fd|sr|dm-|md)\d+$|^((h|s|v|xv)d[a-z]+|nvme\d+n\d+p|mmcblk\d+p)\d+$/;

/** Interfaces skipped by default: loopback traffic never leaves the machine. */
export const DEFAULT_NET_EXCLUDE = /^lo$/;
