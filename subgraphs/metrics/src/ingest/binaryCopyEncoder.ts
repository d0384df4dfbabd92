import { CsvValueError, METRIC_COLUMNS, type CsvRow } from '@perfanalysis/contract';

/** `PGCOPY\n\377\r\n\0`, flags 0, no header extension (docs/csv.md, "How an upload is stored"). */
export const COPY_BINARY_HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** A field count of -1 ends the data. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

const FIELDS = 2 + METRIC_COLUMNS.length;
/** Field count, uuid, timestamptz and every metric as a float4: the most one row takes. */
const MAX_ROW_BYTES = 2 + (4 + 16) + (4 + 8) + METRIC_COLUMNS.length * (4 + 4);
/** PostgreSQL's timestamp epoch (2000-01-01T00:00:00Z) in Unix ms. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

/** A collector as a COPY row names it. */
export interface CopyCollector {
  /** The collector id's 16 bytes. */
  readonly uuid: Buffer;
}

/** The 16 bytes of a uuid written `xxxxxxxx-xxxx-…`. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/**
 * The one place an upload's value meets `real`: a value a float4 cannot hold (above about
 * 3.4e38) would become Infinity in binary COPY, which PostgreSQL stores without complaint, so
 * it is refused here as the row's typed INVALID_VALUE.
 */
function float4(value: number, row: CsvRow, column: string): number {
  const stored = Math.fround(value);
  if (stored === Infinity) {
    throw new CsvValueError(`Column ${column}, row ${row.row}: '${value}' is too large to store; values must be below 3.4e38`, {
      row: row.row,
      column,
      value: String(value),
      reason: 'out of range',
    });
  }
  return stored;
}

/**
 * Encodes parsed rows as tuples of PostgreSQL's binary COPY format in `metric_points` column
 * order, straight into one buffer per batch: no number is printed back to text and PostgreSQL
 * parses none. `collectors` maps each row's machine id to its collector.
 */
export function encodeCopyRows(rows: readonly CsvRow[], collectors: ReadonlyMap<string, CopyCollector>): Buffer {
  const out = Buffer.allocUnsafe(rows.length * MAX_ROW_BYTES);
  let at = 0;
  for (const row of rows) {
    at = out.writeInt16BE(FIELDS, at);
    at = out.writeInt32BE(16, at);
    at += collectors.get(row.machineId)!.uuid.copy(out, at);
    const micros = (row.point.timestamp - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    at = out.writeInt32BE(8, at);
    at = out.writeInt32BE(high, at);
    at = out.writeUInt32BE(micros - high * TWO_32, at);
    const values = row.point.values;
    for (const column of METRIC_COLUMNS) {
      const value = values[column];
      if (value === undefined) {
        at = out.writeInt32BE(-1, at);
      } else {
        at = out.writeInt32BE(4, at);
        at = out.writeFloatBE(float4(value, row, column), at);
      }
    }
  }
  return out.subarray(0, at);
}
