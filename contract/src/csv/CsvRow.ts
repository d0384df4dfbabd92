import type { MetricPoint } from '../point.js';

/** One normalized data row of a metrics CSV. */
export interface CsvRow {
  /** From the row's `machine_id` cell (trimmed), else from `CsvParseOptions.machineId`. */
  readonly machineId: string;
  /** Timestamp in ms UTC and values in contract units (docs/metrics.md); absent cells are absent keys. */
  readonly point: MetricPoint;
  /** 1-based data row number (the header and blank lines are not counted). */
  readonly row: number;
}
