import type { DifferenceInterval } from './bootstrapDifference.js';

/** What a comparison says about one change. */
export type ChangeVerdict = 'higher' | 'lower' | 'no clear change';

/**
 * A verdict only where the interval excludes zero (docs/report-comparisons.md): "higher"
 * when its low end is above 0, "lower" when its high end is below 0, otherwise — including
 * an interval that touches 0 or could not be computed — "no clear change".
 */
export function changeVerdict(interval: DifferenceInterval): ChangeVerdict {
  if (interval.low > 0) return 'higher';
  if (interval.high < 0) return 'lower';
  return 'no clear change';
}
