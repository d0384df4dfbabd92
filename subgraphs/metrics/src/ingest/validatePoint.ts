import { METRIC_COLUMNS, type MetricColumn, type MetricPoint } from '@perfanalysis/contract';
import { BadUserInputError } from '@perfanalysis/platform';

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
  for (const column of METRIC_COLUMNS) {
    const value = point.values[column];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value)) refuse(index, column, `${column} is not a finite number.`);
    if (value < 0) refuse(index, column, `${column} is negative.`);
    if (PERCENT.has(column) && value > 100 + PERCENT_SLOP) refuse(index, column, `${column} is a percentage above 100.`);
  }
}
