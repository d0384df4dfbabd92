import { abs, floor, max, min } from '../builtins.js';
/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps `threshold` points chosen so that
 * the visual shape survives — in each bucket the point forming the largest triangle with the
 * previously kept point and the average of the next bucket. Always keeps the first and the
 * last point. Unlike min-max bucketing it does not guarantee every extremum, so the charts
 * use min-max by default and offer LTTB as an option.
 *
 * `x` ascending, `y` finite (reduce each finite segment separately). Returns ascending
 * indices into [start, end); the whole range when it has no more than `threshold` points.
 */
export function lttbIndices(x: ArrayLike<number>, y: ArrayLike<number>, threshold: number, start = 0, end = x.length): number[] {
  const length = end - start;
  const keep = floor(threshold);
  if (length <= 0) return [];
  if (keep >= length || keep < 3) {
    if (keep >= length) return Array.from({ length }, (_, i) => start + i);
    return length === 1 ? [start] : [start, end - 1];
  }
  const out: number[] = [start];
  // The interior (everything but the first and last point) is split into keep − 2 buckets.
  const every = (length - 2) / (keep - 2);
  let a = start;
  for (let bucket = 0; bucket < keep - 2; bucket++) {
    const from = start + 1 + floor(bucket * every);
    const to = start + 1 + floor((bucket + 1) * every);
    // The next bucket's average point (the last point itself for the last bucket).
    const nextFrom = to;
    const nextTo = min(end, start + 1 + floor((bucket + 2) * every));
    let avgX = 0;
    let avgY = 0;
    const nextLength = max(1, nextTo - nextFrom);
    if (nextTo > nextFrom) {
      for (let i = nextFrom; i < nextTo; i++) {
        avgX += x[i]!;
        avgY += y[i]!;
      }
      avgX /= nextLength;
      avgY /= nextLength;
    } else {
      avgX = x[end - 1]!;
      avgY = y[end - 1]!;
    }
    const ax = x[a]!;
    const ay = y[a]!;
    let best = from;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      const area = abs((ax - avgX) * (y[i]! - ay) - (ax - x[i]!) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(end - 1);
  return out;
}
