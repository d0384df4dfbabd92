import { type CsvParseOptions, parseMetricsCsvInto } from '@perfanalysis/contract';
import { parentPort } from 'node:worker_threads';
import { type CopyBatch, CopyBatchEncoder } from './binaryCopyEncoder.js';
import { type DistributiveOmit, type FromCsvCopyWorker, SOURCE_FAILED, type ToCsvCopyWorker, toWorkerError } from './csvCopyProtocol.js';

/**
 * Entry of an upload's parse worker (csvCopyParser.ts): parses the CSV bytes it is sent and
 * answers binary COPY tuples, so parsing and encoding never hold the service's event loop.
 * One file (job) at a time; messages of any other job are ignored.
 */
const port = parentPort!;

type Reply = DistributiveOmit<FromCsvCopyWorker, 'job'>;

/** One file's parse. */
class Job {
  private readonly chunks: Uint8Array[] = [];
  private ended: 'end' | 'abort' | undefined;
  private wake: (() => void) | undefined;
  private answerCollectors: ((uuids: ReadonlyMap<string, Uint8Array>) => void) | undefined;
  private readonly encoder = new CopyBatchEncoder();

  constructor(readonly id: number) {}

  receive(message: ToCsvCopyWorker): void {
    if (message.kind === 'collectors') return this.answerCollectors?.(message.uuids);
    if (message.kind === 'chunk') this.chunks.push(message.bytes);
    else if (message.kind === 'end' || message.kind === 'abort') this.ended = message.kind;
    this.wake?.();
  }

  async run(options: CsvParseOptions): Promise<void> {
    const parsed = parseMetricsCsvInto(this.input(), options, this.encoder);
    parsed.header.then(
      (report) => this.post({ kind: 'header', report }),
      () => undefined,
    );
    try {
      for await (const batch of parsed.batches) {
        await this.learnMachines(batch);
        if (batch.failure !== undefined) throw batch.failure;
        this.post({ kind: 'rows', copy: batch.copy, tally: batch.tally }, [batch.copy.buffer]);
      }
      this.post({ kind: 'done' });
    } catch (error) {
      this.post({ kind: 'failed', error: toWorkerError(error) });
    }
  }

  private post(message: Reply, transfer: ArrayBuffer[] = []): void {
    port.postMessage({ ...message, job: this.id }, transfer);
  }

  private async *input(): AsyncGenerator<Uint8Array, void, undefined> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        this.post({ kind: 'read' });
        yield chunk;
      } else if (this.ended === 'end') return;
      // Like a failing stream read in place: rows completed before it are still handed out (and checked) first.
      else if (this.ended === 'abort') throw Object.assign(new Error('The file could not be read.'), { name: SOURCE_FAILED });
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Asks the main thread for the collectors of machines not seen before (it refuses foreign ones by failing the upload). */
  private async learnMachines(batch: CopyBatch): Promise<void> {
    if (batch.unresolved.size === 0) return;
    const answered = new Promise<ReadonlyMap<string, Uint8Array>>((resolve) => (this.answerCollectors = resolve));
    this.post({ kind: 'machines', ids: [...batch.unresolved.keys()] });
    for (const [id, uuid] of await answered) this.encoder.learn(id, uuid);
    this.encoder.resolve(batch);
  }
}

let current: Job | undefined;

port.on('message', (message: ToCsvCopyWorker) => {
  if (message.kind === 'start') {
    current = new Job(message.job);
    void current.run(message.options);
  } else if (message.job === current?.id) current.receive(message);
});
