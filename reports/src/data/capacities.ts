/**
 * What "full" means for each radar axis and for the per-core rule. CPU busy and disk
 * utilisation need no entry: their capacity is 100 % by definition.
 */
export interface Capacities {
  /**
   * Logical CPUs, for load per core.
   * @default the number of distinct `cpu` devices in the data; unknown (load axis and
   * load rule skipped) when the source has aggregate CPU columns only
   */
  readonly cpuCount: number | undefined;
  /**
   * Physical memory in MB; the capacity of "memory used".
   * @default the largest `mem_total_mb` in the window
   */
  readonly memoryMb: number | undefined;
  /**
   * Swap size in MB; the capacity of "swap used" (axis skipped when 0 or unknown).
   * @default the largest `swap_total_mb` in the window
   */
  readonly swapMb: number | undefined;
  /**
   * Sustained read + write throughput one disk device delivers, MB/s; the capacity of the
   * busiest device's throughput. The data cannot tell it, so it is a stated assumption.
   * @default 500 (a SATA SSD; set ~150 for a spinning disk, ~2000+ for NVMe)
   */
  readonly diskThroughputMbPerSec: number;
  /**
   * Line rate of one interface in one direction, MB/s (full duplex: rx and tx each);
   * the capacity of the busiest interface direction.
   * @default 125 (1 Gbit/s Ethernet)
   */
  readonly networkThroughputMbPerSec: number;
}

/** Defaults of the capacities that the data cannot supply. */
export const DEFAULT_DISK_THROUGHPUT_MB_PER_SEC = 500;
export const DEFAULT_NETWORK_THROUGHPUT_MB_PER_SEC = 125;
