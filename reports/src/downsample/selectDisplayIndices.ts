import { dropFlatRuns } from './dropFlatRuns.js';
import { finiteSegments } from './finiteSegments.js';
import { lttbIndices } from './lttbIndices.js';
import { minMaxBucketIndices } from './minMaxBucketIndices.js';

/** How a long series is reduced before drawing. */
export type DownsampleMethod = 'minmax' | 'lttb' | 'none';

/** Index of a break in the output of {@link selectDisplayIndices}: the line stops there. */
export const BREAK = -1;

/** Options of {@link selectDisplayIndices}. */
export interface DisplayIndicesOptions {
  /** Pixel columns of the plot: min-max keeps two points per column, LTTB two per column. */
  readonly columns: number;
  /** The chart's x domain, so that buckets line up with pixel columns. */
  readonly domain: readonly [number, number];
  /** Wider gaps in x break the line. @default Infinity */
  readonly maxGap?: number;
  /** @default 'minmax' */
  readonly method?: DownsampleMethod;
}

/**
 * The indices of `y` worth drawing at `columns` pixels wide: per finite segment (see
 * `finiteSegments`), min-max or LTTB reduced, flat runs dropped, segments separated by
 * {@link BREAK}. The result feeds d3's `line().defined(i => i !== BREAK)`.
 */
export function selectDisplayIndices(x: ArrayLike<number>, y: ArrayLike<number>, options: DisplayIndicesOptions): number[] {
  const method = options.method ?? 'minmax';
  const out: number[] = [];
  for (const [start, end] of finiteSegments(x, y, options.maxGap)) {
    let indices: number[];
    if (method === 'lttb') indices = lttbIndices(x, y, 2 * options.columns, start, end);
    else if (method === 'minmax') indices = minMaxBucketIndices(x, y, options.columns, { start, end, domain: options.domain });
    else indices = Array.from({ length: end - start }, (_, i) => start + i);
    if (out.length > 0) out.push(BREAK);
    for (const i of dropFlatRuns(indices, y)) out.push(i);
  }
  return out;
}
