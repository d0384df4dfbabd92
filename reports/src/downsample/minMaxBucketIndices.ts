import { floor, isNaNumber, max, min } from '../builtins.js';
/** Where a bucketing pass starts and ends, and the x range its buckets divide. */
export interface BucketRange {
  /** First index considered. @default 0 */
  readonly start?: number;
  /** One past the last index considered. @default x.length */
  readonly end?: number;
  /**
   * The x interval split into `bucketCount` equal buckets — the chart's x domain, so that one
   * bucket is one pixel column whichever segment of the series is being reduced.
   * @default [x[start], x[end − 1]]
   */
  readonly domain?: readonly [number, number];
}

/**
 * Min-max decimation ("M4" without the first/last of each column): splits the x domain into
 * `bucketCount` equal buckets (one per pixel column) and keeps, in each, the index of the
 * smallest and of the largest finite y, plus the first and last index of the range. A line
 * drawn through what is kept covers exactly the vertical extent the full series would cover
 * in each column, so every peak and trough survives, and the output is at most
 * `2 × bucketCount + 2` indices whatever the input length.
 *
 * `x` must be ascending. NaN values of `y` are never chosen as extrema. Returns ascending,
 * distinct indices; the whole range when it is no longer than the output would be.
 */
export function minMaxBucketIndices(x: ArrayLike<number>, y: ArrayLike<number>, bucketCount: number, range: BucketRange = {}): number[] {
  const start = range.start ?? 0;
  const end = range.end ?? x.length;
  const length = end - start;
  if (length <= 0) return [];
  const buckets = max(1, floor(bucketCount));
  if (length <= 2 * buckets + 2) return Array.from({ length }, (_, i) => start + i);

  const x0 = range.domain?.[0] ?? x[start]!;
  const x1 = range.domain?.[1] ?? x[end - 1]!;
  const scale = x1 > x0 ? buckets / (x1 - x0) : 0;
  const out: number[] = [start];
  let bucket = -1;
  let minIndex = -1;
  let maxIndex = -1;
  const flush = (): void => {
    if (minIndex < 0) return;
    // Emit in x order so the polyline runs forward.
    const a = min(minIndex, maxIndex);
    const b = max(minIndex, maxIndex);
    if (a !== out[out.length - 1]) out.push(a);
    if (b !== a) out.push(b);
  };
  const bucketOf = (t: number): number => min(buckets - 1, max(0, floor((t - x0) * scale)));
  // x is ascending, so the bucket only changes once x passes the next edge: compare with the
  // edge (slightly early, against rounding) and compute the exact bucket only there.
  let edge = -Infinity;
  let minValue = 0;
  let maxValue = 0;
  for (let i = start; i < end; i++) {
    const t = x[i]!;
    if (t >= edge) {
      const b = bucketOf(t);
      if (b !== bucket) {
        flush();
        bucket = b;
        minIndex = -1;
        maxIndex = -1;
        edge = b === buckets - 1 || scale === 0 ? Infinity : x0 + ((b + 1) / scale) * (1 - 1e-12) - 1e-9;
      }
    }
    const v = y[i]!;
    if (isNaNumber(v)) continue;
    if (minIndex < 0) {
      minIndex = maxIndex = i;
      minValue = maxValue = v;
    } else if (v < minValue) {
      minIndex = i;
      minValue = v;
    } else if (v > maxValue) {
      maxIndex = i;
      maxValue = v;
    }
  }
  flush();
  if (out[out.length - 1] !== end - 1) out.push(end - 1);
  return out;
}
