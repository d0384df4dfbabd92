import type { TenantTables } from '@perfanalysis/platform';
import { escapeLiteral } from 'pg';
import { exportColumns, type ExportUnits, exportWindow } from './exportColumns.js';
import type { ExportFormat } from './exportRequest.js';

/** ISO-8601 UTC with milliseconds, as the contract's `toCsvLine` writes it (for JSON objects). */
const TIMESTAMP = `to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * For CSV: the UTC `timestamp`, which PostgreSQL prints cheaply in ISO style (the DateStyle
 * node-postgres relies on too); `CsvTimestampRewriter` turns it into the contract's text.
 * `to_char` per row took about twice as long as the rest of the COPY (docs/export.md).
 */
const UTC_TIMESTAMP = `ts AT TIME ZONE 'UTC'`;
/** For Parquet: epoch milliseconds, cut below the millisecond like the CSV text. */
const EPOCH_MS = `floor(extract(epoch FROM ts) * 1000)::float8`;

/** What one export reads: one collector's raw points in [from, to), labelled with its machine id. */
export interface ExportSelection {
  readonly collectorId: string;
  readonly machineId: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * The `COPY … TO STDOUT` statement of an export. COPY takes no bind parameters, so every
 * value is a literal: the collector id and machine id come from the tenant's own collectors
 * row and are escaped anyway; the dates are `toISOString()` output.
 *
 * - csv: the contract's canonical columns (`timestamp,machine_id,<metrics>`), the timestamp
 *   as PostgreSQL's ISO text for `CsvTimestampRewriter` to finish; PostgreSQL
 *   writes reals in shortest round-trip form, quotes only where needed, and an absent value
 *   as an empty cell — the same text `toCsvLine` writes.
 * - json/ndjson: one JSON object per row built by `json_build_object` (absent values null).
 *   It is copied as a one-column "CSV" whose quote and delimiter are control characters
 *   JSON text never holds raw, so PostgreSQL writes each object verbatim, one per line,
 *   with nothing to unescape. For `json` each object but the first is prefixed with a comma.
 * - parquet: binary COPY of epoch milliseconds and the reals as stored, for `streamParquetExport`.
 *
 * `units` = `bytes` writes disk and network as per-interval counts (`exportColumns`).
 */
export function exportCopySql(db: TenantTables, selection: ExportSelection, format: ExportFormat, units: ExportUnits = 'rates'): string {
  const where = `collector_id = ${escapeLiteral(selection.collectorId)}::uuid
      AND ts >= ${escapeLiteral(selection.from.toISOString())}::timestamptz AND ts < ${escapeLiteral(selection.to.toISOString())}::timestamptz`;
  const table = db.table('metric_points');
  const machine = escapeLiteral(selection.machineId);
  const columns = exportColumns(units);
  const metrics = columns.map((c) => c.sql).join(', ');
  const rows = `FROM ${table} WHERE ${where} ${exportWindow(units)} ORDER BY ts`;
  if (format === 'parquet') {
    return `COPY (SELECT ${EPOCH_MS}, ${metrics} ${rows})
      TO STDOUT WITH (FORMAT binary)`;
  }
  if (format === 'csv') {
    return `COPY (SELECT ${UTC_TIMESTAMP}, ${machine}, ${metrics} ${rows})
      TO STDOUT WITH (FORMAT csv)`;
  }
  const object = `json_build_object('timestamp', ${TIMESTAMP}, 'machine_id', ${machine}, ${columns.map((c) => `'${c.name}', ${c.sql}`).join(', ')})::text`;
  const line = format === 'json' ? `',' || ${object}` : object;
  return `COPY (SELECT ${line} ${rows})
      TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;
}
