import { ceil, floor, isFiniteNumber, max as larger } from '../builtins.js';
import { percentiles } from '../stats/percentiles.js';
import { mulberry32 } from '../synthetic/generateMetricPoints.js';

/**
 * How the bootstrap runs (docs/report-comparisons.md). Fixed, so the same two windows always
 * print the same intervals.
 */
export const BOOTSTRAP = {
  /** Resamples of each side. */
  resamples: 1_000,
  /** Two-sided confidence of the interval. */
  confidence: 0.95,
  /**
   * Each side is thinned to at most this many samples (every k-th) before resampling: a day
   * at 1 s is 86,400 strongly autocorrelated samples, and resampling them as if independent
   * would print intervals far narrower than the data supports, at 40× the cost.
   */
  maxSamples: 2_000,
  /** Seed of the mulberry32 generator. */
  seed: 0x5eed,
} as const;

/** A statistic of one resample (it may reorder the array). */
export type Statistic = (sample: Float64Array) => number;

/** The interval of `statistic(after) − statistic(before)`. */
export interface DifferenceInterval {
  readonly low: number;
  readonly high: number;
}

export interface BootstrapOptions {
  readonly resamples?: number;
  readonly confidence?: number;
  readonly maxSamples?: number;
  readonly seed?: number;
}

/**
 * Percentile-bootstrap intervals of `s(after) − s(before)` for each statistic `s`: each side
 * is resampled with replacement independently (the two windows or machines are separate
 * samples), every statistic is computed on the same resamples, and the interval is the
 * central `confidence` share of the differences (quantiles by the one percentile definition,
 * docs/percentiles.md). NaN bounds when either side has no finite sample.
 */
export function bootstrapDifference(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  statistics: readonly Statistic[],
  options: BootstrapOptions = {},
): DifferenceInterval[] {
  const resamples = options.resamples ?? BOOTSTRAP.resamples;
  const maxSamples = options.maxSamples ?? BOOTSTRAP.maxSamples;
  const a = thin(before, maxSamples);
  const b = thin(after, maxSamples);
  if (a.length === 0 || b.length === 0) return statistics.map(() => ({ low: NaN, high: NaN }));
  const random = mulberry32(options.seed ?? BOOTSTRAP.seed);
  const differences = statistics.map(() => new Float64Array(resamples));
  const bufferA = new Float64Array(a.length);
  const bufferB = new Float64Array(b.length);
  for (let r = 0; r < resamples; r++) {
    resample(a, bufferA, random);
    resample(b, bufferB, random);
    statistics.forEach((statistic, s) => {
      differences[s]![r] = statistic(bufferB) - statistic(bufferA);
    });
  }
  const tail = ((1 - (options.confidence ?? BOOTSTRAP.confidence)) / 2) * 100;
  return differences.map((d) => {
    const [low, high] = percentiles(d, [tail, 100 - tail]) as [number, number];
    return { low, high };
  });
}

/** The finite values of `values`, every k-th so that at most `max` remain. */
export function thin(values: ArrayLike<number>, max: number): Float64Array {
  let finite = 0;
  for (let i = 0; i < values.length; i++) if (isFiniteNumber(values[i]!)) finite++;
  const stride = larger(1, ceil(finite / max));
  const out = new Float64Array(ceil(finite / stride));
  let seen = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!isFiniteNumber(v)) continue;
    if (seen++ % stride === 0) out[n++] = v;
  }
  return out.subarray(0, n);
}

function resample(from: Float64Array, into: Float64Array, random: () => number): void {
  const n = from.length;
  for (let i = 0; i < n; i++) into[i] = from[floor(random() * n)]!;
}

/** The mean of a sample. */
export const meanStatistic: Statistic = (sample) => {
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i]!;
  return sum / sample.length;
};

/** The 95th percentile of a sample (linear interpolation). */
export const p95Statistic: Statistic = (sample) => percentiles(sample, [95])[0]!;
