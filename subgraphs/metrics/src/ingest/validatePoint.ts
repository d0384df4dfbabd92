import { METRIC_COLUMNS, type MetricColumn, type MetricPoint, type MetricValues, outsideRealRange } from '@perfanalysis/contract';
import { assertCleanText, BadUserInputError } from '@perfanalysis/platform';

export interface PointWindow {
  /** Oldest acceptable timestamp (ms). */
  readonly oldest: number;
  /** Newest acceptable timestamp (ms): now plus the allowed clock skew. */
  readonly newest: number;
}

const PERCENT = new Set<MetricColumn>(['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'cpu_steal', 'disk_io_util']);
/** Float slop of agents summing rounded percentages. */
const PERCENT_SLOP = 0.01;

function refuse(index: number, field: string, message: string): never {
  throw new BadUserInputError(`Point ${index}: ${message}`, { field: `points[${index}].${field}` });
}

/** A point an agent sent: timestamp inside the window, every value finite and in range. */
export function validatePoint(point: MetricPoint, index: number, window: PointWindow): void {
  if (!Number.isFinite(point.timestamp)) refuse(index, 'timestamp', 'timestamp is not a valid date.');
  if (point.timestamp < window.oldest)
    refuse(index, 'timestamp', `timestamp ${new Date(point.timestamp).toISOString()} is older than accepted.`);
  if (point.timestamp > window.newest) refuse(index, 'timestamp', `timestamp ${new Date(point.timestamp).toISOString()} is in the future.`);
  validateValues(point.values, index, '');
  point.devices?.forEach((d, i) => {
    assertCleanText(d.device, `points[${index}].devices[${i}].device`);
    validateValues(d.values, index, `devices[${i}].`);
  });
}

/** Every value finite, not negative, storable as `real`, percentages at most 100. */
function validateValues(values: MetricValues, index: number, prefix: string): void {
  for (const column of METRIC_COLUMNS) {
    const value = values[column];
    if (value === undefined || value === null) continue;
    const field = `${prefix}${column}`;
    if (!Number.isFinite(value)) refuse(index, field, `${column} is not a finite number.`);
    if (value < 0) refuse(index, field, `${column} is negative.`);
    if (outsideRealRange(value)) refuse(index, field, `${column} is outside the range a stored value can hold (about 1e-38 to 3.4e38).`);
    if (PERCENT.has(column) && value > 100 + PERCENT_SLOP) refuse(index, field, `${column} is a percentage above 100.`);
  }
}
