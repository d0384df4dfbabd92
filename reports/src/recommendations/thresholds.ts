/**
 * Where each recommendation rule fires. One object so that a tenant (or a test) can move a
 * line without touching the rules; every comparison is "strictly above" ("below" for
 * headroom), so a value exactly at the threshold stays quiet.
 */
export interface RecommendationThresholds {
  /**
   * CPU busy (100 − idle − iowait) p95 above this, %: the CPU is busy for more than 5 % of
   * the window at a level that leaves no room for bursts.
   * @default 80
   */
  readonly cpuBusyP95Pct: number;
  /**
   * `swap_used_mb` p95 above this, MB. 0 means "swap in use for more than 5 % of the time";
   * raise it on hosts that park a little idle memory in swap on purpose.
   * @default 0
   */
  readonly swapUsedP95Mb: number;
  /**
   * `cpu_iowait` p95 above this, %: processes wait on storage often enough to matter.
   * @default 10
   */
  readonly iowaitP95Pct: number;
  /**
   * `cpu_steal` p95 above this, %: the hypervisor gives this VM's CPU time to others.
   * @default 5
   */
  readonly stealP95Pct: number;
  /**
   * Interface errors (rx + tx) counted over the window, estimated from the per-second rates
   * times the sampling interval, above this: a healthy link has none.
   * @default 0
   */
  readonly networkErrorCount: number;
  /**
   * p5 of `mem_available_mb / mem_total_mb` below this, %: for at least 5 % of the window
   * less than this share of memory could be had without swapping.
   * @default 10
   */
  readonly memoryAvailableP5Pct: number;
  /**
   * `disk_io_util` p95 of a device above this, %: the device is saturated often.
   * @default 80
   */
  readonly diskUtilP95Pct: number;
  /**
   * `load_5min` p95 divided by the CPU count above this: more runnable (or uninterruptible)
   * tasks than CPUs. Checked only when the CPU count is known.
   * @default 1
   */
  readonly loadPerCoreP95: number;
}

export const DEFAULT_THRESHOLDS: Readonly<RecommendationThresholds> = Object.freeze({
  cpuBusyP95Pct: 80,
  swapUsedP95Mb: 0,
  iowaitP95Pct: 10,
  stealP95Pct: 5,
  networkErrorCount: 0,
  memoryAvailableP5Pct: 10,
  diskUtilP95Pct: 80,
  loadPerCoreP95: 1,
});
