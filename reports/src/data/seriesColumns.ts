import type { MetricColumn } from '@perfanalysis/contract';
import { AGGREGATE_COLUMN_ORDER } from './readColumns.js';
import type { ColumnSeries, DerivedSeries, SummaryKey } from './reportData.js';

/**
 * The stored columns each derived series is computed from. `ReportDataBuilder.finish` hands
 * each derivation only these columns, so this list is what the derivations read, and a reader
 * that fetches just a series' columns (a comparison, docs/report-comparisons.md) gets the same
 * series.
 */
export const DERIVED_SERIES_COLUMNS: Readonly<Record<keyof DerivedSeries, readonly MetricColumn[]>> = {
  cpu_busy: ['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'cpu_steal'],
  mem_available_pct: ['mem_total_mb', 'mem_available_mb'],
  mem_used_pct: ['mem_total_mb', 'mem_used_mb'],
};

/** `columns` with only the arrays of `names`: what one derivation may look at. */
export function pickColumns(columns: ColumnSeries, names: readonly MetricColumn[]): ColumnSeries {
  const picked: ColumnSeries = {};
  for (const name of names) if (columns[name]) picked[name] = columns[name];
  return picked;
}

/**
 * The stored columns behind `keys` — a column stands for itself, a derived series for its
 * {@link DERIVED_SERIES_COLUMNS} — once each, in the contract's METRIC_COLUMNS order.
 */
export function columnsOfSeries(keys: readonly SummaryKey[]): MetricColumn[] {
  const isDerived = (key: SummaryKey): key is keyof DerivedSeries => key in DERIVED_SERIES_COLUMNS;
  const wanted = new Set<MetricColumn>(keys.flatMap((key) => (isDerived(key) ? DERIVED_SERIES_COLUMNS[key] : [key])));
  return AGGREGATE_COLUMN_ORDER.filter((column) => wanted.has(column));
}
