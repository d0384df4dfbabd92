import type { ReportData } from '../data/prepareReportData.js';
import { percentiles } from '../stats/percentiles.js';
import type { SeriesSummary } from '../stats/summarizeSeries.js';
import { BOOTSTRAP, bootstrapDifference, type DifferenceInterval, meanStatistic, p95Statistic } from './bootstrapDifference.js';
import { changeVerdict, type ChangeVerdict } from './changeVerdict.js';
import { COMPARED_METRICS, type ComparedMetric, comparedMetric, hasSamples, seriesOf } from './comparedMetrics.js';

/** One side of a before/after: a collector over a window, with the label the report prints. */
export interface ComparisonSide {
  readonly label: string;
  readonly data: ReportData;
}

/** The change of one statistic from before to after. */
export interface StatisticChange {
  readonly before: number;
  readonly after: number;
  /** after − before, on all samples. */
  readonly change: number;
  readonly interval: DifferenceInterval;
  readonly verdict: ChangeVerdict;
}

/** One compared metric. */
export interface MetricComparison extends ComparedMetric {
  readonly before: SeriesSummary;
  readonly after: SeriesSummary;
  readonly mean: StatisticChange;
  readonly p95: StatisticChange;
  /** {@link BOX_QUANTILES} of each side, for the distribution chart. */
  readonly box: { readonly before: readonly number[]; readonly after: readonly number[] };
}

/** What a box plot draws: whiskers at min and max, box p25–p75, median, and the p95 mark. */
export const BOX_QUANTILES = [0, 25, 50, 75, 95, 100] as const;

/** A before/after comparison (docs/report-comparisons.md). */
export interface BeforeAfterComparison {
  readonly kind: 'beforeAfter';
  readonly title: string;
  readonly before: ComparisonSide;
  readonly after: ComparisonSide;
  /** Metrics with samples on both sides, in {@link COMPARED_METRICS} order. */
  readonly metrics: readonly MetricComparison[];
  readonly resamples: number;
}

/**
 * Compares each metric both sides have: the change in mean and in p95 on all samples, each
 * with its bootstrap interval and verdict. Each metric has its own generator seed, so adding a
 * metric leaves the others' intervals as they were.
 */
export function compareBeforeAfter(before: ComparisonSide, after: ComparisonSide, title?: string): BeforeAfterComparison {
  const metrics = COMPARED_METRICS.flatMap((key, index) => {
    if (!hasSamples(before.data, key) || !hasSamples(after.data, key)) return [];
    const b = before.data.summaries[key]!;
    const a = after.data.summaries[key]!;
    const beforeSeries = seriesOf(before.data, key)!;
    const afterSeries = seriesOf(after.data, key)!;
    const [meanInterval, p95Interval] = bootstrapDifference(beforeSeries, afterSeries, [meanStatistic, p95Statistic], {
      seed: BOOTSTRAP.seed + index,
    }) as [DifferenceInterval, DifferenceInterval];
    return [
      {
        ...comparedMetric(key),
        before: b,
        after: a,
        mean: statisticChange(b.mean, a.mean, meanInterval),
        p95: statisticChange(b.p95, a.p95, p95Interval),
        box: { before: percentiles(beforeSeries, BOX_QUANTILES), after: percentiles(afterSeries, BOX_QUANTILES) },
      },
    ];
  });
  return {
    kind: 'beforeAfter',
    title: title ?? `Before/after — ${before.label} vs ${after.label}`,
    before,
    after,
    metrics,
    resamples: BOOTSTRAP.resamples,
  };
}

function statisticChange(before: number, after: number, interval: DifferenceInterval): StatisticChange {
  return { before, after, change: after - before, interval, verdict: changeVerdict(interval) };
}
