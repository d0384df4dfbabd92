import { METRIC_COLUMNS, type MetricPoint } from '@perfanalysis/contract';

/**
 * One row of PostgreSQL's COPY text format in `metric_points` column order: tab-separated,
 * `\N` for an absent value. Values are finite numbers by then, so nothing needs escaping.
 */
export function copyLine(collectorId: string, point: MetricPoint): string {
  let line = `${collectorId}\t${new Date(point.timestamp).toISOString()}`;
  for (const column of METRIC_COLUMNS) {
    const value = point.values[column];
    line += value === undefined ? '\t\\N' : `\t${value}`;
  }
  return `${line}\n`;
}
