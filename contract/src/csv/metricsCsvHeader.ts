import { METRIC_COLUMNS } from '../columns.js';

/** The canonical upload/export columns: `timestamp`, `machine_id`, then every metric in contract order. */
export const METRICS_CSV_COLUMNS: readonly string[] = ['timestamp', 'machine_id', ...METRIC_COLUMNS];

/** The header line of the canonical metrics CSV, without a line break. */
export function metricsCsvHeader(): string {
  return METRICS_CSV_COLUMNS.join(',');
}
