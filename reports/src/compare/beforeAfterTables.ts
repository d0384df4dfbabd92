import { formatFigure } from '../format/formatFigure.js';
import type { BeforeAfterComparison, MetricComparison, StatisticChange } from './compareBeforeAfter.js';
import type { ComparisonTable } from './comparisonTable.js';

/** A signed change: "+4.2 %", "−0.31 MB/s". */
export function formatChange(value: number, unit: string): string {
  const text = formatFigure(value, unit);
  return value > 0 ? `+${text}` : text;
}

function changeRow(metric: MetricComparison, change: StatisticChange): string[] {
  return [
    metric.label,
    formatFigure(change.before, metric.unit),
    formatFigure(change.after, metric.unit),
    formatChange(change.change, metric.unit),
    `${formatChange(change.interval.low, '')} to ${formatChange(change.interval.high, '')}`,
    change.verdict,
  ];
}

/** The mean and p95 tables of a before/after: each change, its interval and verdict. */
export function beforeAfterTables(comparison: BeforeAfterComparison): ComparisonTable[] {
  const confidence = 'bootstrap 95 % interval';
  const columns = (statistic: string) => [
    { header: 'Metric', width: 3, align: 'left' as const },
    { header: `${statistic} before`, width: 2 },
    { header: `${statistic} after`, width: 2 },
    { header: 'Change', width: 2 },
    { header: '95 % interval', width: 3 },
    { header: 'Verdict', width: 2.2, align: 'left' as const },
  ];
  return [
    {
      id: 'mean',
      caption: `Change in the mean, after − before, with its ${confidence} (${comparison.resamples.toLocaleString('en-US')} resamples).`,
      columns: columns('Mean'),
      rows: comparison.metrics.map((m) => changeRow(m, m.mean)),
    },
    {
      id: 'p95',
      caption: `Change in the 95th percentile, after − before, with its ${confidence}.`,
      columns: columns('p95'),
      rows: comparison.metrics.map((m) => changeRow(m, m.p95)),
    },
  ];
}
