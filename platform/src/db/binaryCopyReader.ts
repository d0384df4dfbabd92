import { COPY_BINARY_HEADER_FIXED as HEADER_FIXED, COPY_BINARY_SIGNATURE as SIGNATURE } from './binaryCopyFormat.js';

/**
 * One tuple of a binary COPY, valid only during the callback: field `i` is `length(i)` bytes
 * of `buffer` from `start(i)`, or SQL NULL when `length(i)` is -1. Values are big-endian
 * (`buffer.readDoubleBE(row.start(i))` for a float8, `readFloatBE` for a real).
 */
export interface BinaryCopyRow {
  readonly buffer: Buffer;
  readonly fields: number;
  start(i: number): number;
  length(i: number): number;
}

/**
 * The framing of a `COPY … TO STDOUT (FORMAT binary)` stream — header, tuples, trailer — fed
 * chunk by chunk; a subclass decodes each tuple. Chunks may split a tuple anywhere; the
 * unfinished tail waits for the next chunk. A malformed stream is a fault of the server, so
 * the errors are plain.
 */
abstract class BinaryCopyStream {
  /** The bytes being decoded: the unfinished tail of the previous chunk, then this one. */
  buffer: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private done = false;

  /** Feeds the next chunk; decodes every tuple it completes. */
  push(chunk: Buffer): void {
    const buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.buffer = buffer;
    let offset = this.headerRead ? 0 : this.readHeader(buffer);
    if (offset < 0) return;
    while (!this.done && offset + 2 <= buffer.length) {
      const fields = buffer.readInt16BE(offset);
      if (fields === -1) {
        this.done = true;
        offset += 2;
        break;
      }
      const end = this.tuple(buffer, offset + 2, fields);
      if (end < 0) break;
      offset = end;
    }
    this.buffer = buffer.subarray(offset);
  }

  /** Checks the stream ended on its trailer, not mid-tuple. */
  end(): void {
    if (!this.done || this.buffer.length > 0) throw new Error('The binary COPY stream ended mid-tuple.');
  }

  /** Decodes the tuple of `fields` fields whose first field starts at `offset`: its end, or -1 (nothing done) if incomplete. */
  protected abstract tuple(buffer: Buffer, offset: number, fields: number): number;

  /** Offset after the header, or -1 while it is incomplete. */
  private readHeader(buffer: Buffer): number {
    if (buffer.length < HEADER_FIXED) return -1;
    if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Not a binary COPY stream.');
    const extension = buffer.readInt32BE(SIGNATURE.length + 4);
    if (buffer.length < HEADER_FIXED + extension) return -1;
    this.headerRead = true;
    return HEADER_FIXED + extension;
  }
}

/**
 * Decodes a binary COPY stream tuple by tuple without making an object per row or per value:
 * the caller reads each field straight out of the chunk (docs/report-contents.md).
 */
export class BinaryCopyReader extends BinaryCopyStream implements BinaryCopyRow {
  fields = 0;
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);

  constructor(private readonly onRow: (row: BinaryCopyRow) => void) {
    super();
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  length(i: number): number {
    return this.lengths[i]!;
  }

  protected tuple(buffer: Buffer, offset: number, fields: number): number {
    const end = this.locateFields(buffer, offset, fields);
    if (end < 0) return -1;
    this.fields = fields;
    this.onRow(this);
    return end;
  }

  /** Records the fields of the tuple whose first field starts at `offset`; its end, or -1 if incomplete. */
  private locateFields(buffer: Buffer, offset: number, fields: number): number {
    if (this.starts.length < fields) [this.starts, this.lengths] = [new Int32Array(fields), new Int32Array(fields)];
    for (let i = 0; i < fields; i++) {
      if (offset + 4 > buffer.length) return -1;
      const length = buffer.readInt32BE(offset);
      offset += 4;
      this.starts[i] = offset;
      this.lengths[i] = length;
      if (length > 0) offset += length;
      if (offset > buffer.length) return -1;
    }
    return offset;
  }
}

/** PostgreSQL's epoch (2000-01-01 UTC) in microseconds after the Unix epoch. */
const POSTGRES_EPOCH_US = 946_684_800_000_000;

/**
 * Decodes a binary COPY whose every tuple is one timestamptz then `reals` real (float4) fields,
 * the reals possibly NULL — the shape of a report's points (time, then metric columns). The
 * timestamp arrives as PostgreSQL stores it, int64 microseconds since 2000, and is handed on as
 * Unix epoch milliseconds with the microseconds as a fraction: exact for the years 1970–2255 and
 * the same double `(extract(epoch FROM ts) * 1000)::float8` gives, without PostgreSQL computing
 * that numeric expression per row. Fields are read in one pass through a `DataView` into one
 * reused array, NULL as NaN, with no per-field call and no table of field offsets: decoding a
 * day of 27 columns takes about a quarter of {@link BinaryCopyReader}'s CPU
 * (docs/report-contents.md). A tuple of any other shape is refused.
 */
export class FloatRowCopyReader extends BinaryCopyStream {
  private readonly values: Float64Array;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewed: Buffer | undefined;

  /** @param onRow gets the epoch ms and the reals of each tuple; `values` is reused, valid only during the call */
  constructor(
    reals: number,
    private readonly onRow: (first: number, values: Float64Array) => void,
  ) {
    super();
    this.values = new Float64Array(reals);
  }

  protected tuple(buffer: Buffer, offset: number, fields: number): number {
    const values = this.values;
    if (fields !== values.length + 1) throw new Error(`Expected tuples of ${values.length + 1} fields, got ${fields}.`);
    if (buffer !== this.viewed) {
      this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      this.viewed = buffer;
    }
    const view = this.view;
    const size = buffer.length;
    if (offset + 12 > size) return -1;
    if (view.getInt32(offset) !== 8) throw new Error('The first field of a tuple is not a timestamp.');
    // Below 2^53 microseconds the sum is exact, so one rounding: the division's.
    const first = (view.getInt32(offset + 4) * 2 ** 32 + view.getUint32(offset + 8) + POSTGRES_EPOCH_US) / 1000;
    let at = offset + 12;
    for (let k = 0; k < values.length; k++) {
      if (at + 4 > size) return -1;
      const length = view.getInt32(at);
      at += 4;
      if (length === 4) {
        if (at + 4 > size) return -1;
        values[k] = view.getFloat32(at);
        at += 4;
      } else if (length === -1) values[k] = Number.NaN;
      else throw new Error(`A real field of ${length} bytes.`);
    }
    this.onRow(first, values);
    return at;
  }
}
