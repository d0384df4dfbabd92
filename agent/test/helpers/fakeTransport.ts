import type { MetricPoint } from '@perfanalysis/contract';
import type { Transport } from '../../src/transport/Transport.js';

/**
 * An in-memory server for the shipper's unit tests: stores batches while `up`, throws
 * `failWith` otherwise; `hold()` keeps the next sends in flight until released.
 */
export class FakeTransport implements Transport {
  readonly name = 'fake';
  readonly batches: MetricPoint[][] = [];
  attempts = 0;
  /** The error every send throws; undefined = the server is up. */
  failWith: Error | undefined;
  private gate: Promise<void> | undefined;

  constructor(readonly maxBatch?: number) {}

  get stored(): MetricPoint[] {
    return this.batches.flat();
  }

  /** Holds sends in flight until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  async sendBatch(points: readonly MetricPoint[], signal?: AbortSignal): Promise<void> {
    this.attempts += 1;
    if (this.gate) await Promise.race([this.gate, aborted(signal)]);
    if (signal?.aborted) throw new Error('aborted');
    if (this.failWith) throw this.failWith;
    this.batches.push([...points]);
  }
}

function aborted(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
}

/** A Sleep the test releases by hand; records every requested delay. */
export class ControlledSleep {
  readonly delays: number[] = [];
  private waiting: (() => void)[] = [];

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.delays.push(ms);
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  };

  get pending(): number {
    return this.waiting.length;
  }

  /** Ends every sleep in progress. */
  wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** Lets every queued promise callback and pending I/O callback run. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};
