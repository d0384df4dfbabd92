import { METRIC_COLUMNS } from '../columns.js';
import type { MetricPoint } from '../point.js';

/**
 * One data line of the canonical metrics CSV (see `metricsCsvHeader`), without a line break:
 * the timestamp as ISO-8601 UTC with milliseconds, the machine id (quoted when it holds a
 * comma, quote or line break), then each metric in contract order — shortest round-trip
 * decimal, empty when absent or not finite. Per-device values are not part of this format.
 *
 * `parseMetricsCsv` reads such a line back to the same point when the timestamp is a whole
 * millisecond in 1970–9999 and the machine id has no leading or trailing white space (ids
 * are trimmed when read).
 * @throws RangeError when the timestamp is not a valid time
 */
export function toCsvLine(machineId: string, point: MetricPoint): string {
  const time = new Date(point.timestamp);
  if (Number.isNaN(time.getTime())) throw new RangeError(`toCsvLine: timestamp ${point.timestamp} is not a valid time`);
  let line = `${time.toISOString()},${quoteCsvField(machineId)}`;
  const values = point.values;
  for (const column of METRIC_COLUMNS) {
    const value = values[column];
    line += value !== undefined && Number.isFinite(value) ? `,${value}` : ',';
  }
  return line;
}

/** RFC 4180 quoting, only where needed. */
function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
