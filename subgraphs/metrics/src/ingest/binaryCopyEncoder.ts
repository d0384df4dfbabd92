import { CsvValueError, METRIC_COLUMNS, type CsvRowOutput } from '@perfanalysis/contract';
import type { MachineTally } from './csvCopyProtocol.js';

/*
 * Only the tuples are encoded here: the header and trailer around them are platform's
 * (COPY_BINARY_HEADER, COPY_BINARY_TRAILER), written by the upload (docs/csv.md, "How an upload is stored").
 */

const FIELDS = 2 + METRIC_COLUMNS.length;
/** Field count, uuid, timestamptz and every metric as a float4: the most one row takes. */
const MAX_ROW_BYTES = 2 + (4 + 16) + (4 + 8) + METRIC_COLUMNS.length * (4 + 4);
/** Where a tuple's collector id starts: after the field count and the uuid's length. */
const UUID_AT = 2 + 4;
/** PostgreSQL's timestamp epoch (2000-01-01T00:00:00Z) in Unix ms. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 4_294_967_296;

/** A timestamptz field in PostgreSQL's binary format: its length (8), then int64 µs since 2000-01-01. */
export const TIMESTAMP_FIELD_BYTES = 12;

/** Writes `unixMs` as a timestamptz field at `at` (the COPY tuple's and the binary array's element alike). */
export function writeTimestampField(view: DataView, at: number, unixMs: number): void {
  const micros = (unixMs - PG_EPOCH_MS) * 1000;
  const high = Math.floor(micros / TWO_32);
  view.setInt32(at, 8);
  view.setInt32(at + 4, high);
  view.setUint32(at + 8, micros - high * TWO_32);
}

/** The work buffer's first size (it doubles when a chunk's rows need more). */
const INITIAL_BYTES = 1 << 18;

/** The 16 bytes of a uuid written `xxxxxxxx-xxxx-…`. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** One input chunk's rows as binary COPY tuples. */
export interface CopyBatch {
  /** The tuples, in a buffer of their own (transferable); rows of machines in `unresolved` lack their collector id. */
  readonly copy: Uint8Array<ArrayBuffer>;
  /** Machines first seen in this batch, in order of appearance → where their rows' collector ids go. */
  readonly unresolved: ReadonlyMap<string, readonly number[]>;
  readonly tally: readonly MachineTally[];
  /** The first value a float4 cannot hold, as the row's typed error: the batch must not be stored. */
  readonly failure: CsvValueError | undefined;
}

/**
 * Encodes normalized rows straight from the parser's slots into tuples of PostgreSQL's binary
 * COPY format, in `metric_points` column order: no values object per row, no number printed
 * back to text, and PostgreSQL parses none. A row's collector id is written from the machines
 * already known ({@link learn}); a new machine's rows get theirs once it is looked up
 * ({@link resolve}), before the batch is stored.
 */
export class CopyBatchEncoder implements CsvRowOutput<CopyBatch> {
  private bytes = new Uint8Array(INITIAL_BYTES);
  private view = new DataView(this.bytes.buffer);
  private at = 0;
  private readonly collectors = new Map<string, Uint8Array>();
  private unresolved = new Map<string, number[]>();
  private tally = new Map<string, [string, number, number, number]>();
  private lastMachine: string | undefined;
  private lastTally: [string, number, number, number] | undefined;
  private failure: CsvValueError | undefined;

  /** Remembers a machine's collector id (16 bytes) for the rows that follow. */
  learn(machineId: string, uuid: Uint8Array): void {
    this.collectors.set(machineId, uuid);
  }

  /** Writes the collector ids of a batch's new machines, once each has been learnt. */
  resolve(batch: CopyBatch): void {
    for (const [machineId, starts] of batch.unresolved) {
      const uuid = this.collectors.get(machineId)!;
      for (const start of starts) batch.copy.set(uuid, start + UUID_AT);
    }
  }

  row(row: number, machineId: string, timestamp: number, slots: Float64Array): void {
    if (this.at + MAX_ROW_BYTES > this.bytes.length) this.grow();
    const view = this.view;
    let at = this.at;
    this.count(machineId, timestamp);
    view.setInt16(at, FIELDS);
    view.setInt32(at + 2, 16);
    const uuid = this.collectors.get(machineId);
    if (uuid === undefined) this.later(machineId, at);
    else this.bytes.set(uuid, at + UUID_AT);
    at += UUID_AT + 16;
    writeTimestampField(view, at, timestamp);
    at += TIMESTAMP_FIELD_BYTES;
    for (let slot = 0; slot < slots.length; slot++) {
      const value = slots[slot]!;
      if (value !== value) {
        view.setInt32(at, -1);
        at += 4;
      } else {
        const stored = Math.fround(value);
        if (stored === Infinity) this.tooLarge(row, slot, value);
        view.setInt32(at, 4);
        view.setFloat32(at + 4, stored);
        at += 8;
      }
    }
    this.at = at;
  }

  take(): CopyBatch | undefined {
    if (this.at === 0) return undefined;
    // A copy of exactly the bytes written, so the transfer moves no more than the batch; the work buffer is kept.
    const batch: CopyBatch = {
      copy: new Uint8Array(this.bytes.buffer.slice(0, this.at)),
      unresolved: this.unresolved,
      tally: [...this.tally.values()],
      failure: this.failure,
    };
    this.at = 0;
    this.unresolved = new Map();
    this.tally = new Map();
    this.lastMachine = this.lastTally = undefined;
    return batch;
  }

  /** Rows, first and last timestamp per machine; rows of one machine usually come together. */
  private count(machineId: string, timestamp: number): void {
    let t = this.lastTally;
    if (machineId !== this.lastMachine) {
      t = this.tally.get(machineId);
      if (t === undefined) this.tally.set(machineId, (t = [machineId, 0, timestamp, timestamp]));
      this.lastMachine = machineId;
      this.lastTally = t;
    }
    t![1] += 1;
    if (timestamp < t![2]) t![2] = timestamp;
    if (timestamp > t![3]) t![3] = timestamp;
  }

  private later(machineId: string, start: number): void {
    const starts = this.unresolved.get(machineId);
    if (starts === undefined) this.unresolved.set(machineId, [start]);
    else starts.push(start);
  }

  /**
   * The one place an upload's value meets `real`: a value a float4 cannot hold (above about
   * 3.4e38, reachable when a count is divided by a short gap) would become Infinity in binary
   * COPY, which PostgreSQL stores without complaint, so it is refused as the row's typed INVALID_VALUE.
   */
  private tooLarge(row: number, slot: number, value: number): void {
    if (this.failure !== undefined) return; // the first one is reported
    const column = METRIC_COLUMNS[slot]!;
    this.failure = new CsvValueError(`Column ${column}, row ${row}: '${value}' is too large to store; values must be below 3.4e38`, {
      row,
      column,
      value: String(value),
      reason: 'out of range',
    });
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2);
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }
}
