import { scratch } from './scratch.js';
import { selectInPlace } from './selectInPlace.js';
import { ceil, isFiniteNumber, max, min } from '../builtins.js';

/**
 * The 1-based rank of the p-th percentile among n values under the **nearest-rank** method:
 * the smallest value such that at least p % of the values are ≤ it, i.e.
 * `sorted[ceil(p / 100 × n) − 1]`. p100 is the maximum; p0 is taken as the minimum.
 *
 * Why nearest rank and not linear interpolation: every percentile is a value that was
 * actually observed (a "p99 of 97 %" happened), it is what SRE tooling reports for
 * latencies, and p100 equals max by construction.
 */
export function nearestRank(p: number, n: number): number {
  return min(n, max(1, ceil((p / 100) * n)));
}

/**
 * Percentiles (nearest rank, see {@link nearestRank}) of the finite values of `values`;
 * NaN for each when there is none. Exact, without sorting: the finite values are copied
 * once (one pass), then each rank is selected in expected linear time, each selection
 * searching only the part right of the previous one — about 2–3 passes in all for the
 * usual p95/p97.5/p99/p100 of a day at one-second resolution.
 *
 * @param ps percentiles in [0, 100], any order; answers come back in the same order.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const finite = finiteCopy(values);
  return percentilesOfFinite(finite, ps);
}

/**
 * As {@link percentiles}, on an array known to hold only finite values, which it reorders.
 * Lets a caller that already made the copy (see `summarizeSeries`) skip a second one.
 */
export function percentilesOfFinite(finite: Float64Array, ps: readonly number[]): number[] {
  const n = finite.length;
  const out = new Array<number>(ps.length).fill(Number.NaN);
  if (n === 0) return out;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let left = 0;
  for (const { p, i } of order) {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside [0, 100]`);
    const k = nearestRank(p, n) - 1;
    // Everything left of the previous rank is already ≤ it, so search only to its right.
    selectInPlace(finite, k, left, n - 1);
    out[i] = finite[k]!;
    left = k;
  }
  return out;
}

/** The finite values of `values`, in the shared scratch buffer (valid until the next use). */
function finiteCopy(values: ArrayLike<number>): Float64Array {
  const copy = scratch(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (isFiniteNumber(v)) copy[n++] = v;
  }
  return copy.subarray(0, n);
}
