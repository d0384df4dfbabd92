import { METRIC_UNITS } from '@perfanalysis/contract';
import type { ReportData, SummaryKey } from '../data/prepareReportData.js';
import { METRIC_LABELS } from '../format/metricLabels.js';

/**
 * The series a comparison looks at (docs/report-comparisons.md): the headline figure of each
 * resource rather than all 27 columns, so a before/after stays one page of verdicts and a
 * fleet of 100 stays a readable set of tables.
 */
export const COMPARED_METRICS: readonly SummaryKey[] = [
  'cpu_busy',
  'cpu_iowait',
  'cpu_steal',
  'mem_used_pct',
  'mem_used_mb',
  'swap_used_mb',
  'disk_read_mb',
  'disk_write_mb',
  'disk_io_util',
  'net_rx_mb',
  'net_tx_mb',
  'load_1min',
];

/** A compared series: its key and how people read it. */
export interface ComparedMetric {
  readonly key: SummaryKey;
  readonly label: string;
  readonly unit: string;
}

export function comparedMetric(key: SummaryKey): ComparedMetric {
  const unit =
    key === 'cpu_busy' || key === 'mem_used_pct' || key === 'mem_available_pct' ? '%' : METRIC_UNITS[key as keyof typeof METRIC_UNITS];
  return { key, label: METRIC_LABELS[key], unit };
}

/** The series of `key` in `data` (a column or a derived series), undefined when absent. */
export function seriesOf(data: ReportData, key: SummaryKey): Float64Array | undefined {
  return (
    (data.columns as Partial<Record<SummaryKey, Float64Array>>)[key] ?? (data.derived as Partial<Record<SummaryKey, Float64Array>>)[key]
  );
}

/** Whether `data` has at least one finite sample of `key`. */
export function hasSamples(data: ReportData, key: SummaryKey): boolean {
  return (data.summaries[key]?.count ?? 0) > 0;
}
