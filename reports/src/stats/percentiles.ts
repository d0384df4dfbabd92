import { scratch } from './scratch.js';
import { selectInPlace } from './selectInPlace.js';
import { floor, isFiniteNumber } from '../builtins.js';

/**
 * The 0-based position of the p-th percentile among n sorted values under **linear
 * interpolation**: `(n − 1) × p / 100`. A fractional position lies between two observed
 * values and the percentile is interpolated between them. This is PostgreSQL's
 * `percentile_cont`, numpy's default and R's type 7, so the dashboard's `summary` (computed
 * in SQL) and the reports (computed here) print the same figures: see docs/percentiles.md.
 */
export function percentilePosition(p: number, n: number): number {
  return ((n - 1) * p) / 100;
}

/**
 * Percentiles (linear interpolation, see {@link percentilePosition}) of the finite values of
 * `values`; NaN for each when there is none. Exact, without sorting: the finite values are
 * copied once (one pass), then each lower rank is selected in expected linear time, each
 * selection searching only the part right of the previous one — about 2–3 passes in all for
 * the usual p95/p97.5/p99/p100 of a day at one-second resolution.
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
    const position = percentilePosition(p, n);
    const k = floor(position);
    // Everything left of the previous rank is already ≤ it, so search only to its right.
    selectInPlace(finite, k, left, n - 1);
    const lower = finite[k]!;
    const fraction = position - k;
    out[i] = fraction === 0 ? lower : lower + fraction * (minFrom(finite, k + 1) - lower);
    left = k;
  }
  return out;
}

/** The smallest value of `values[from..]`: after selecting rank k, rank k + 1 is the minimum right of it. */
function minFrom(values: Float64Array, from: number): number {
  let m = values[from]!;
  for (let j = from + 1; j < values.length; j++) if (values[j]! < m) m = values[j]!;
  return m;
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
