import type { CsvHeaderReport } from '@perfanalysis/contract';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import {
  type CsvCopyWorkerData,
  type FromCsvCopyWorker,
  fromWorkerError,
  type MachineTally,
  SOURCE_FAILED,
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
  private readonly worker: Worker;
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
    options: CsvCopyWorkerData,
  ) {
    if (!existsSync(WORKER_FILE)) throw new Error(`The upload worker ${WORKER_FILE} is missing: build with \`npx tsc -b\`.`);
    this.worker = new Worker(WORKER_FILE, { workerData: options });
    this.header = new Promise((resolve, reject) => {
      this.worker.on('message', (message: FromCsvCopyWorker) => {
        if (message.kind === 'header') resolve(message.report);
        else if (message.kind === 'failed') reject(this.errorOf(message.error));
        this.receive(message);
      });
      this.worker.on('error', (error) => (reject(error), this.fail(error)));
      this.worker.on('exit', (code) => this.fail(new Error(`The upload worker exited (${code}).`)));
    });
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

  /** Stops the worker (after the upload, whatever its outcome). */
  async close(): Promise<void> {
    this.closed = true;
    this.worker.removeAllListeners('exit');
    this.wakeFeeder();
    await this.worker.terminate();
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

  private post(message: ToCsvCopyWorker, transfer: ArrayBuffer[] = []): void {
    if (!this.closed) this.worker.postMessage(message, transfer);
  }
}
