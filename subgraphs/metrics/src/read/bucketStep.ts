/** Bucket widths a chart axis reads well, in seconds; beyond a day, whole days. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400] as const;
const DAY = 86_400;

/**
 * The bucket width for `buckets` buckets over `rangeMs`: the smallest nice step (≥ 1 s) at
 * least as wide as the range divided evenly, so a series never has more buckets than asked
 * (plus one when the range does not start on a bucket boundary).
 */
export function bucketStep(rangeMs: number, buckets: number): number {
  const exact = rangeMs / 1000 / buckets;
  for (const step of NICE_STEPS) if (step >= exact) return step;
  return Math.ceil(exact / DAY) * DAY;
}

/** The range widened to whole buckets of `stepSeconds`, aligned on the Unix epoch (UTC). */
export function alignRange(fromMs: number, toMs: number, stepSeconds: number): { fromMs: number; toMs: number; count: number } {
  const stepMs = stepSeconds * 1000;
  const first = Math.floor(fromMs / stepMs);
  const end = Math.ceil(toMs / stepMs);
  return { fromMs: first * stepMs, toMs: end * stepMs, count: end - first };
}
