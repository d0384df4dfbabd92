import type { Capacities } from '../data/capacities.js';
import type { RecommendationThresholds } from '../recommendations/thresholds.js';

/** The capacities a profile may set; swap size always comes from the data. */
export type ProfileCapacities = Pick<Capacities, 'cpuCount' | 'memoryMb' | 'diskThroughputMbPerSec' | 'networkThroughputMbPerSec'>;

/**
 * A collector's report profile (docs/report-profiles.md): capacities and recommendation
 * thresholds, flat. A key left out keeps its default: the measured or assumed capacity
 * (`Capacities`) or the threshold of `DEFAULT_THRESHOLDS`.
 */
export type ReportProfile = Partial<{ -readonly [K in keyof ProfileCapacities]: number } & RecommendationThresholds>;

/** What the renderer takes from a profile: the two halves of `ReportMeta`. */
export interface ProfileMeta {
  readonly capacities: Partial<ProfileCapacities>;
  readonly thresholds: Partial<RecommendationThresholds>;
}

const CAPACITY_KEYS: readonly (keyof ProfileCapacities)[] = ['cpuCount', 'memoryMb', 'diskThroughputMbPerSec', 'networkThroughputMbPerSec'];

/** Splits a profile into the capacities and thresholds the renderer takes. */
export function profileMeta(profile: ReportProfile): ProfileMeta {
  const capacities: Record<string, number> = {};
  const thresholds: Record<string, number> = {};
  for (const [key, value] of Object.entries(profile)) {
    if (value === undefined || value === null) continue;
    ((CAPACITY_KEYS as readonly string[]).includes(key) ? capacities : thresholds)[key] = value;
  }
  return { capacities, thresholds };
}
