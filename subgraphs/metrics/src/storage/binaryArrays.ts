import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { TIMESTAMP_FIELD_BYTES, uuidBytes, writeTimestampField } from '../ingest/binaryCopyEncoder.js';
import type { PointBatch } from './storePoints.js';

/** Element type OIDs PostgreSQL checks a binary array against (pg_type). */
const UUID_OID = 2950;
const TIMESTAMPTZ_OID = 1184;
const FLOAT4_OID = 700;
/** ndim, flags (has nulls), element type, then the one dimension's length and lower bound. */
const HEADER_BYTES = 20;

/** A one-dimensional array's header; an empty array is PostgreSQL's zero-dimension one. */
function writeHeader(view: DataView, oid: number, count: number, hasNull: boolean): number {
  view.setInt32(0, count ? 1 : 0);
  view.setInt32(4, hasNull ? 1 : 0);
  view.setInt32(8, oid);
  if (!count) return 12;
  view.setInt32(12, count);
  view.setInt32(16, 1);
  return HEADER_BYTES;
}

class ArrayWriter {
  readonly bytes: Buffer;
  readonly view: DataView;
  at: number;
  hasNull = false;

  constructor(
    private readonly oid: number,
    private readonly count: number,
    elementBytes: number,
  ) {
    this.bytes = Buffer.allocUnsafe(HEADER_BYTES + count * (4 + elementBytes));
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.at = this.count ? HEADER_BYTES : 12;
  }

  done(): Buffer {
    writeHeader(this.view, this.oid, this.count, this.hasNull);
    return this.bytes.subarray(0, this.at);
  }
}

/**
 * The point columns of a group's rows as binary array parameters, in `metric_points` order:
 * `uuid[]`, `timestamptz[]`, then one `real[]` per metric column (node-postgres sends a Buffer
 * parameter in binary format). PostgreSQL then parses no text per value — at 100-point trickles
 * the text arrays (each number printed, escaped and parsed back, each timestamp formatted) were a
 * large share of both the metrics process and its backend. A value is stored as `Math.fround`
 * of it, as the upload's binary COPY stores it (docs/ingest.md, "Group commit").
 */
export function pointColumnArrays(groups: readonly PointBatch[]): Buffer[] {
  let count = 0;
  for (const { points } of groups) count += points.length;
  const collectors = new ArrayWriter(UUID_OID, count, 16);
  const times = new ArrayWriter(TIMESTAMPTZ_OID, count, 8);
  // A local copy: the package's export is a getter, read per value in the loop below otherwise.
  const names = [...METRIC_COLUMNS];
  const columns = names.map(() => new ArrayWriter(FLOAT4_OID, count, 4));
  for (const { collectorId, points } of groups) {
    const uuid = uuidBytes(collectorId);
    for (const point of points) {
      collectors.view.setInt32(collectors.at, 16);
      collectors.bytes.set(uuid, collectors.at + 4);
      collectors.at += 20;
      writeTimestampField(times.view, times.at, point.timestamp);
      times.at += TIMESTAMP_FIELD_BYTES;
      const values = point.values;
      for (let i = 0; i < names.length; i++) {
        const column = columns[i]!;
        const value = values[names[i]!];
        if (value === undefined || value === null) {
          column.view.setInt32(column.at, -1);
          column.hasNull = true;
          column.at += 4;
        } else {
          column.view.setInt32(column.at, 4);
          column.view.setFloat32(column.at + 4, value);
          column.at += 8;
        }
      }
    }
  }
  return [collectors.done(), times.done(), ...columns.map((c) => c.done())];
}
