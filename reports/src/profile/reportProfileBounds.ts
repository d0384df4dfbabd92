import type { ReportProfile } from './reportProfile.js';

/** The range a profile value must lie in. */
export interface ProfileBound {
  readonly min: number;
  /** True when `min` itself is refused (a capacity of 0 means nothing). */
  readonly minExclusive?: boolean;
  readonly max: number;
  readonly integer?: boolean;
  readonly unit: string;
}

/** 64 TiB in MB: more memory (or swap) than any one machine the agent runs on. */
const MAX_MEMORY_MB = 64 * 1024 * 1024;
/** 800 Gbit/s in MB/s: above any single disk device or interface today. */
const MAX_THROUGHPUT_MB_PER_SEC = 100_000;
const percent: ProfileBound = { min: 0, max: 100, unit: '%' };

/** Every key a profile may hold and its range (docs/report-profiles.md). */
export const REPORT_PROFILE_BOUNDS: Readonly<Record<keyof ReportProfile, ProfileBound>> = Object.freeze({
  cpuCount: { min: 1, max: 4096, integer: true, unit: 'CPUs' },
  memoryMb: { min: 0, minExclusive: true, max: MAX_MEMORY_MB, unit: 'MB' },
  diskThroughputMbPerSec: { min: 0, minExclusive: true, max: MAX_THROUGHPUT_MB_PER_SEC, unit: 'MB/s' },
  networkThroughputMbPerSec: { min: 0, minExclusive: true, max: MAX_THROUGHPUT_MB_PER_SEC, unit: 'MB/s' },
  cpuBusyP95Pct: percent,
  swapUsedP95Mb: { min: 0, max: MAX_MEMORY_MB, unit: 'MB' },
  iowaitP95Pct: percent,
  stealP95Pct: percent,
  networkErrorCount: { min: 0, max: 1e9, integer: true, unit: 'errors' },
  memoryAvailableP5Pct: percent,
  diskUtilP95Pct: percent,
  loadPerCoreP95: { min: 0, minExclusive: true, max: 100, unit: 'per CPU' },
});
