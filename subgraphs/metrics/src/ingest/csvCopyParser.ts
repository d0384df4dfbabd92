import type { CsvHeaderReport, CsvParseOptions } from '@perfanalysis/contract';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import {
  type FromCsvCopyWorker,
  fromWorkerError,
  type MachineTally,
  SOURCE_FAILED,
  type DistributiveOmit,
  type ToCsvCopyWorker,
  type WorkerError,
} from './csvCopyProtocol.js';

/**
 * The compiled worker entry: this file's sibling in `dist/`; from the TypeScript sources (Jest),
 * the build's, since a worker thread loads plain JavaScript (`npm test` runs `tsc -b` first).
 */
const WORKER_FILE = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '../../dist/ingest/csvCopyWorker.js')
  : path.join(__dirname, 'csvCopyWorker.js');

/** Workers kept between uploads (unref'd): starting one costs tens of milliseconds, too much for small files. */
const MAX_IDLE = 2;
const idle: Worker[] = [];
let jobs = 0;

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept) {
    kept.ref();
    return kept;
  }
  if (!existsSync(WORKER_FILE)) throw new Error(`The upload worker ${WORKER_FILE} is missing: build with \`npx tsc -b\`.`);
  const worker = new Worker(WORKER_FILE);
  // A kept worker that dies is forgotten.
  worker.on('exit', () => idle.includes(worker) && idle.splice(idle.indexOf(worker), 1));
  return worker;
}

/** Input chunks the worker may hold unread, and batches it may have answered unwritten: memory stays a few chunks. */
const AHEAD = 2;

/** What `stage` needs from its caller: the collectors of new machines, and where the COPY tuples go. */
export interface CsvCopyTarget {
  /** Machine id → the collector id's 16 bytes; throws (e.g. FORBIDDEN) to fail the upload. */
  collectors(machineIds: readonly string[]): Promise<Map<string, Uint8Array>>;
  /** Writes one batch of binary COPY tuples (resolves when there is room for more). */
  write(tuples: Uint8Array, tally: readonly MachineTally[]): Promise<void>;
}

/**
 * One upload's CSV parsed and encoded to binary COPY tuples in a worker thread
 * (docs/csv.md, "How an upload is stored"): the service's event loop only moves bytes, so
 * trickle requests are answered while a large file is read. Same dialects, same typed errors
 * as `parseMetricsCsvBatches`, which the worker runs.
 */
export class CsvCopyParser {
  /** Settles once the header line has been read; rejects with the error the parse fails with before it. */
  readonly header: Promise<CsvHeaderReport>;
  private readonly worker = takeWorker();
  private readonly job = ++jobs;
  /** The worker answered `done` or `failed`: it is free for another file. */
  private settled = false;
  private readonly listeners: { message(m: FromCsvCopyWorker): void; error(e: Error): void; exit(code: number): void };
  private readonly inbox: FromCsvCopyWorker[] = [];
  private failure: unknown;
  private sourceError: unknown;
  private closed = false;
  private notify: (() => void) | undefined;
  private sent = 0;
  private read = 0;
  private unwritten = 0;
  private room: (() => void) | undefined;

  constructor(
    private readonly source: Readable,
    options: CsvParseOptions,
  ) {
    let resolveHeader!: (report: CsvHeaderReport) => void;
    let rejectHeader!: (error: unknown) => void;
    this.header = new Promise((resolve, reject) => ((resolveHeader = resolve), (rejectHeader = reject)));
    this.listeners = {
      message: (message) => {
        if (message.job !== this.job) return;
        if (message.kind === 'header') resolveHeader(message.report);
        else if (message.kind === 'failed') rejectHeader(this.errorOf(message.error));
        if (message.kind === 'done' || message.kind === 'failed') this.settled = true;
        this.receive(message);
      },
      error: (error) => (rejectHeader(error), this.fail(error)),
      exit: (code) => {
        const error = new Error(`The upload worker exited (${code}).`);
        rejectHeader(error);
        this.fail(error);
      },
    };
    this.worker.on('message', this.listeners.message).on('error', this.listeners.error).on('exit', this.listeners.exit);
    this.post({ kind: 'start', options });
    this.header.catch(() => undefined); // `stage` reports it too
    this.feed().catch((error: unknown) => {
      this.sourceError = error;
      this.post({ kind: 'abort' });
    });
  }

  /** Runs the parse to its end, handing every batch to `target`; the per-machine tallies are the target's to keep. */
  async stage(target: CsvCopyTarget): Promise<void> {
    for (;;) {
      const message = await this.next();
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw this.errorOf(message.error);
      if (message.kind === 'machines') {
        const uuids = await target.collectors(message.ids);
        this.post({ kind: 'collectors', uuids });
      } else if (message.kind === 'rows') {
        await target.write(message.copy, message.tally);
        this.unwritten -= 1;
        this.wakeFeeder();
      }
    }
  }

  /** Ends the upload's use of the worker, whatever its outcome: kept for the next file if it finished this one, else stopped. */
  async close(): Promise<void> {
    this.closed = true;
    this.wakeFeeder();
    this.worker.off('message', this.listeners.message).off('error', this.listeners.error).off('exit', this.listeners.exit);
    if (this.settled && this.failure === undefined && idle.length < MAX_IDLE) {
      this.worker.unref();
      idle.push(this.worker);
    } else await this.worker.terminate();
  }

  private async feed(): Promise<void> {
    for await (const chunk of this.source as AsyncIterable<Buffer>) {
      while (this.sent - this.read >= AHEAD || this.unwritten >= AHEAD) {
        if (this.failure !== undefined || this.closed) return;
        await new Promise<void>((resolve) => (this.room = resolve));
      }
      // A copy of the chunk's own bytes (it may be a view of a larger pooled buffer), moved to the worker.
      const bytes = new Uint8Array(chunk);
      this.post({ kind: 'chunk', bytes }, [bytes.buffer]);
      this.sent += 1;
    }
    this.post({ kind: 'end' });
  }

  /** The failure a worker reported, as the typed error (or the file stream's own error). */
  private errorOf(error: WorkerError): unknown {
    return error.name === SOURCE_FAILED ? this.sourceError : fromWorkerError(error);
  }

  private receive(message: FromCsvCopyWorker): void {
    if (message.kind === 'read') {
      this.read += 1;
      this.wakeFeeder();
      return;
    }
    if (message.kind === 'rows') this.unwritten += 1;
    if (message.kind !== 'header') this.inbox.push(message);
    this.notify?.();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.notify?.();
    this.wakeFeeder();
  }

  private wakeFeeder(): void {
    const room = this.room;
    this.room = undefined;
    room?.();
  }

  private async next(): Promise<FromCsvCopyWorker> {
    for (;;) {
      const message = this.inbox.shift();
      if (message !== undefined) return message;
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((resolve) => (this.notify = resolve));
    }
  }

  private post(message: DistributiveOmit<ToCsvCopyWorker, 'job'>, transfer: ArrayBuffer[] = []): void {
    if (!this.closed) this.worker.postMessage({ ...message, job: this.job }, transfer);
  }
}
