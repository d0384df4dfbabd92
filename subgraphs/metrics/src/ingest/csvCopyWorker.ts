import { type CsvRow, parseMetricsCsvBatches } from '@perfanalysis/contract';
import { parentPort, workerData } from 'node:worker_threads';
import { type CopyCollector, encodeCopyRows } from './binaryCopyEncoder.js';
import {
  type CsvCopyWorkerData,
  type FromCsvCopyWorker,
  type MachineTally,
  SOURCE_FAILED,
  type ToCsvCopyWorker,
  toWorkerError,
} from './csvCopyProtocol.js';

/**
 * Entry of an upload's parse worker (csvCopyParser.ts): parses the CSV bytes it is sent and
 * answers binary COPY tuples, so parsing and encoding never hold the service's event loop.
 */
const port = parentPort!;
const post = (message: FromCsvCopyWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const chunks: Uint8Array[] = [];
let ended: 'end' | 'abort' | undefined;
let wake: (() => void) | undefined;
let answerCollectors: ((uuids: ReadonlyMap<string, Uint8Array>) => void) | undefined;

port.on('message', (message: ToCsvCopyWorker) => {
  if (message.kind === 'collectors') return answerCollectors?.(message.uuids);
  if (message.kind === 'chunk') chunks.push(message.bytes);
  else ended = message.kind;
  wake?.();
});

async function* input(): AsyncGenerator<Uint8Array, void, undefined> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      post({ kind: 'read' });
      yield chunk;
    } else if (ended === 'end') return;
    // Like a failing stream read in place: rows completed before it are still handed out (and checked) first.
    else if (ended === 'abort') throw Object.assign(new Error('The file could not be read.'), { name: SOURCE_FAILED });
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

const collectors = new Map<string, CopyCollector>();

/** Asks the main thread for the collectors of machines not seen before (it refuses foreign ones by failing the upload). */
async function learnMachines(rows: readonly CsvRow[]): Promise<void> {
  const unknown = [...new Set(rows.map((r) => r.machineId).filter((id) => !collectors.has(id)))];
  if (unknown.length === 0) return;
  const answered = new Promise<ReadonlyMap<string, Uint8Array>>((resolve) => (answerCollectors = resolve));
  post({ kind: 'machines', ids: unknown });
  for (const [id, uuid] of await answered) collectors.set(id, { uuid: Buffer.from(uuid.buffer, uuid.byteOffset, uuid.length) });
}

function tally(rows: readonly CsvRow[]): MachineTally[] {
  const byMachine = new Map<string, [string, number, number, number]>();
  for (const { machineId, point } of rows) {
    const t = byMachine.get(machineId);
    if (t === undefined) byMachine.set(machineId, [machineId, 1, point.timestamp, point.timestamp]);
    else {
      t[1] += 1;
      if (point.timestamp < t[2]) t[2] = point.timestamp;
      if (point.timestamp > t[3]) t[3] = point.timestamp;
    }
  }
  return [...byMachine.values()];
}

async function run(): Promise<void> {
  const parsed = parseMetricsCsvBatches(input(), workerData as CsvCopyWorkerData);
  parsed.header.then(
    (report) => post({ kind: 'header', report }),
    () => undefined,
  );
  try {
    for await (const rows of parsed.batches) {
      await learnMachines(rows);
      const copy = encodeCopyRows(rows, collectors);
      // A copy of exactly the bytes written, so the transfer moves no more than the batch.
      const exact = new Uint8Array(copy);
      post({ kind: 'rows', copy: exact, tally: tally(rows) }, [exact.buffer]);
    }
    post({ kind: 'done' });
  } catch (error) {
    post({ kind: 'failed', error: toWorkerError(error) });
  }
}

void run();
