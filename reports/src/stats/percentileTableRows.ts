import { METRIC_COLUMNS, METRIC_UNITS } from '@perfanalysis/contract';
import type { ReportData, SummaryKey } from '../data/prepareReportData.js';
import { METRIC_LABELS } from '../format/metricLabels.js';
import type { SeriesSummary } from './summarizeSeries.js';

/** One row of the percentile table. */
export interface PercentileTableRow {
  readonly key: SummaryKey;
  readonly label: string;
  readonly unit: string;
  readonly summary: SeriesSummary;
}

/**
 * Rows of the percentile table: CPU busy first (the figure people ask for), then every
 * contract column present in the data, in contract order. Columns absent from the source
 * are left out rather than shown as zeros.
 */
export function percentileTableRows(data: ReportData): PercentileTableRow[] {
  const keys: SummaryKey[] = ['cpu_busy', ...METRIC_COLUMNS];
  return keys.flatMap((key) => {
    const summary = data.summaries[key];
    if (!summary || summary.count === 0) return [];
    const unit = key === 'cpu_busy' ? '%' : METRIC_UNITS[key as keyof typeof METRIC_UNITS];
    return [{ key, label: METRIC_LABELS[key], unit, summary }];
  });
}
