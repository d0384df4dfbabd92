import { percentiles } from '../stats/percentiles.js';

/** A collector's figure that lies outside the fleet's fences. */
export interface FleetOutlier {
  readonly name: string;
  readonly value: number;
  readonly side: 'high' | 'low';
  /** The fence it crossed. */
  readonly fence: number;
}

/** Fewer collectors than this have no meaningful quartiles: nobody is named. */
export const MIN_FLEET_FOR_OUTLIERS = 4;

/**
 * Tukey's fences (docs/report-comparisons.md): with Q1 and Q3 the fleet's quartiles of the
 * figure (linear interpolation, docs/percentiles.md) and IQR = Q3 − Q1, a collector is a high
 * outlier above Q3 + 1.5 × IQR and a low one below Q1 − 1.5 × IQR. Non-finite figures are
 * ignored; highest first, then lowest.
 */
export function fleetOutliers(figures: readonly { name: string; value: number }[]): FleetOutlier[] {
  const finite = figures.filter((f) => Number.isFinite(f.value));
  if (finite.length < MIN_FLEET_FOR_OUTLIERS) return [];
  const [q1, q3] = percentiles(
    finite.map((f) => f.value),
    [25, 75],
  ) as [number, number];
  const spread = 1.5 * (q3 - q1);
  const upper = q3 + spread;
  const lower = q1 - spread;
  const high = finite.filter((f) => f.value > upper).map((f) => ({ ...f, side: 'high' as const, fence: upper }));
  const low = finite.filter((f) => f.value < lower).map((f) => ({ ...f, side: 'low' as const, fence: lower }));
  return [...high.sort((x, y) => y.value - x.value), ...low.sort((x, y) => x.value - y.value)];
}
