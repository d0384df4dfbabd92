import { BadUserInputError } from '@perfanalysis/platform';
import { EXPORT_UNITS, type ExportUnits } from './exportColumns.js';
import { checkRange } from './readLimits.js';

/** `csv` (docs/metrics.md columns), a JSON array, newline-delimited JSON objects, or Parquet (docs/export.md). */
export type ExportFormat = 'csv' | 'json' | 'ndjson' | 'parquet';
const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'parquet'];

/** A validated export request: the half-open range [from, to), the machine asked (if any) and the format. */
export interface ExportRequest {
  readonly from: Date;
  readonly to: Date;
  readonly machineId: string | undefined;
  readonly format: ExportFormat;
  /** Disk and network as stored rates, or as pcd's per-interval `*_bytes` counts. */
  readonly units: ExportUnits;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DAY_MS = 86_400_000;

/** Milliseconds east of UTC of `Z`, `+01`, `+0130`, `-05:00`. */
function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/**
 * `YYYY-MM-DD` (a UTC day) or an ISO-8601 date-time (UTC when it has no offset). A day given
 * as `end_date` includes the whole day: the range ends at the next midnight.
 */
export function parseExportDate(value: string, name: string, end: boolean): Date {
  const m = DATE.exec(value);
  if (m) {
    const [year, month, day, hour = '0', minute = '0', second = '0', fraction = ''] = m.slice(1, 8) as string[];
    const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
    const local = Date.UTC(
      fields[0],
      fields[1] - 1,
      fields[2],
      fields[3],
      fields[4],
      fields[5],
      Number(fraction.padEnd(3, '0').slice(0, 3)),
    );
    const check = new Date(local);
    const valid =
      check.getUTCFullYear() === fields[0] &&
      check.getUTCMonth() === fields[1] - 1 &&
      check.getUTCDate() === fields[2] &&
      fields[3] < 24 &&
      fields[4] < 60 &&
      fields[5] < 60;
    if (valid) return new Date(local - offsetMs(m[8]) + (end && m[4] === undefined ? DAY_MS : 0));
  }
  throw new BadUserInputError(`\`${name}\` must be a date (YYYY-MM-DD) or an ISO-8601 date-time, e.g. 2025-01-31T12:00:00Z.`, {
    field: name,
  });
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadUserInputError(`\`${name}\` must be given once.`, { field: name });
  return value.trim();
}

/** `start_date`, or pcd's `start` (the two must not both be given). */
function either(query: Record<string, unknown>, name: string, alias: string): string | undefined {
  const value = single(query, name);
  const other = single(query, alias);
  if (value !== undefined && other !== undefined)
    throw new BadUserInputError(`Give \`${name}\` or \`${alias}\`, not both.`, { field: name });
  return value ?? other;
}

function unitsOf(query: Record<string, unknown>, format: string): ExportUnits {
  const units = (single(query, 'units') ?? 'rates').toLowerCase();
  if (!EXPORT_UNITS.includes(units as ExportUnits))
    throw new BadUserInputError(`\`units\` must be one of ${EXPORT_UNITS.join(', ')}.`, { field: 'units' });
  // Parquet columns are typed as stored: counts there would be a second schema for one file type.
  if (units === 'bytes' && format === 'parquet')
    throw new BadUserInputError('`units=bytes` is for csv, json and ndjson; Parquet holds the rates as stored.', { field: 'units' });
  return units as ExportUnits;
}

/**
 * The query string of `GET /api/v1/performance/export`: `start_date` (required), `end_date`
 * (default now), `machine_id`, `format` (`csv` by default, `json`, `ndjson`, `parquet`), `units`
 * (`rates` by default, or `bytes` for the text formats). `start`/`end` are accepted for
 * `start_date`/`end_date`, as pcd's scripts send them.
 */
export function parseExportRequest(query: Record<string, unknown>, now = Date.now()): ExportRequest {
  const format = (single(query, 'format') ?? 'csv').toLowerCase();
  if (!FORMATS.includes(format as ExportFormat)) {
    throw new BadUserInputError(`\`format\` must be one of ${FORMATS.join(', ')}.`, { field: 'format' });
  }
  const start = either(query, 'start_date', 'start');
  if (start === undefined) throw new BadUserInputError('`start_date` is required (YYYY-MM-DD or ISO-8601).', { field: 'start_date' });
  const from = parseExportDate(start, 'start_date', false);
  const end = either(query, 'end_date', 'end');
  const to = end === undefined ? new Date(now) : parseExportDate(end, 'end_date', true);
  checkRange(from, to, undefined, { from: 'start_date', to: 'end_date' });
  return { from, to, machineId: single(query, 'machine_id'), format: format as ExportFormat, units: unitsOf(query, format) };
}
