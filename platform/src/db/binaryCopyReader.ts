/** `PGCOPY\n\377\r\n\0`: the signature that opens PostgreSQL's binary COPY format. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (int32), header extension length (int32). */
const HEADER_FIXED = SIGNATURE.length + 8;

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
 * Decodes a `COPY … TO STDOUT (FORMAT binary)` stream tuple by tuple without making an object
 * per row or per value: the caller reads each field straight out of the chunk
 * (docs/report-contents.md). Chunks may split a tuple anywhere; the unfinished tail waits for
 * the next chunk. A malformed stream is a fault of the server, so the errors are plain.
 */
export class BinaryCopyReader implements BinaryCopyRow {
  buffer: Buffer = Buffer.alloc(0);
  fields = 0;
  private headerRead = false;
  private done = false;
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);

  constructor(private readonly onRow: (row: BinaryCopyRow) => void) {}

  start(i: number): number {
    return this.starts[i]!;
  }

  length(i: number): number {
    return this.lengths[i]!;
  }

  /** Feeds the next chunk; calls `onRow` for every tuple it completes. */
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
      const end = this.locateFields(buffer, offset + 2, fields);
      if (end < 0) break;
      this.fields = fields;
      this.onRow(this);
      offset = end;
    }
    this.buffer = buffer.subarray(offset);
  }

  /** Checks the stream ended on its trailer, not mid-tuple. */
  end(): void {
    if (!this.done || this.buffer.length > 0) throw new Error('The binary COPY stream ended mid-tuple.');
  }

  /** Offset after the header, or -1 while it is incomplete. */
  private readHeader(buffer: Buffer): number {
    if (buffer.length < HEADER_FIXED) return -1;
    if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Not a binary COPY stream.');
    const extension = buffer.readInt32BE(SIGNATURE.length + 4);
    if (buffer.length < HEADER_FIXED + extension) return -1;
    this.headerRead = true;
    return HEADER_FIXED + extension;
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
