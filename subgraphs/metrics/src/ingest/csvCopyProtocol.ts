import { type CsvHeaderReport, CsvFormatError, type CsvParseOptions, CsvValueError } from '@perfanalysis/contract';

/**
 * Main thread → worker. A worker parses one file at a time and is kept for the next; every
 * message names its job, so a late message of an earlier file is never read as this one's.
 */
export type ToCsvCopyWorker = { readonly job: number } & (
  | { readonly kind: 'start'; readonly options: CsvParseOptions }
  /** The next bytes of the file (its buffer is transferred). */
  | { readonly kind: 'chunk'; readonly bytes: Uint8Array }
  /** The file has no more bytes. */
  | { readonly kind: 'end' }
  /** Reading the file failed after the chunks sent so far: parse those, then fail with {@link SOURCE_FAILED}. */
  | { readonly kind: 'abort' }
  /** The collectors of the machines a `machines` message asked for: machine id → the collector id's 16 bytes. */
  | { readonly kind: 'collectors'; readonly uuids: ReadonlyMap<string, Uint8Array> }
);

/** Rows, first and last timestamp of one machine in one batch. */
export type MachineTally = readonly [machineId: string, rows: number, first: number, last: number];

/** `Omit` applied to each member of a union (a message without its `job`). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The name a worker fails with when the file's stream failed (the main thread holds that error). */
export const SOURCE_FAILED = 'SourceFailed';

/** A CSV error as it crosses the thread boundary (the contract's classes are rebuilt from it). */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly details?: unknown;
}

/** Worker → main thread, about the job it names. */
export type FromCsvCopyWorker = { readonly job: number } & (
  | { readonly kind: 'header'; readonly report: CsvHeaderReport }
  /** A chunk was taken off the input: room for the next. */
  | { readonly kind: 'read' }
  /** Machine ids first seen in the next batch: answer with `collectors` (the batch waits for it). */
  | { readonly kind: 'machines'; readonly ids: readonly string[] }
  /** One batch as binary COPY tuples (its buffer is transferred) and what it held per machine. */
  | { readonly kind: 'rows'; readonly copy: Uint8Array; readonly tally: readonly MachineTally[] }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: WorkerError }
);

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof CsvValueError || error instanceof CsvFormatError) {
    return { name: error.name, message: error.message, details: error.details };
  }
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** The error the worker failed with, as the same typed error the parser threw there. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.name === 'CsvValueError') return new CsvValueError(error.message, error.details as CsvValueError['details']);
  if (error.name === 'CsvFormatError') return new CsvFormatError(error.message, error.details as CsvFormatError['details']);
  return Object.assign(new Error(error.message), { name: error.name });
}
