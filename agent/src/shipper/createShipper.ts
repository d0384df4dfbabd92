import type { MetricPoint } from '@perfanalysis/contract';
import { realSleep, type Sleep } from '../clock.js';
import { FatalError } from '../errors/FatalError.js';
import { RetryableError } from '../errors/RetryableError.js';
import { silentLogger, type Logger } from '../logger.js';
import type { Spool, SpoolStats } from '../spool/openSpool.js';
import type { Transport } from '../transport/Transport.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';

export interface ShipperOptions {
  readonly transport: Transport;
  readonly spool: Spool;
  /** Points per sendBatch. @default transport.maxBatch ?? 60 */
  readonly maxBatch?: number;
  /** @default { baseMs: 1000, maxMs: 60000, factor: 2 } */
  readonly backoff?: BackoffOptions;
  /** Source of jitter in [0, 1). @default Math.random */
  readonly random?: () => number;
  /** @default realSleep (setTimeout) */
  readonly sleep?: Sleep;
  /** @default silentLogger */
  readonly log?: Logger;
}

export type ShipperState = 'live' | 'outage' | 'stopped' | 'failed';

export interface ShipperStats {
  readonly state: ShipperState;
  /** Points the transport acknowledged. */
  readonly sent: number;
  readonly batches: number;
  /** Points written to the spool (outage, shutdown or fatal error). */
  readonly spooled: number;
  /** Failed attempts that were retried. */
  readonly retries: number;
  /** Points waiting in memory for the next live send. */
  readonly pending: number;
  readonly spool: SpoolStats;
}

export interface Shipper {
  /** Hands over new points (oldest first). Never blocks, never throws on a send failure. */
  offer(points: readonly MetricPoint[]): void;
  /** Resolves true once everything offered so far is sent; false if stopped first; rejects with the FatalError. */
  drain(): Promise<boolean>;
  /** Stops sending: aborts a send in flight and a back-off wait, and spools unsent points. */
  stop(): Promise<void>;
  /** Settles when the shipper stops: resolves after stop(), rejects with the FatalError that stopped it. */
  readonly done: Promise<void>;
  stats(): ShipperStats;
}

/**
 * Sends points in order and loses none.
 *
 * While the server answers, points go from memory straight to the transport (the spool is not
 * touched). On a retryable failure the failed batch and everything after it go to the spool and
 * the shipper enters `outage`: new points are appended behind them, and the oldest spooled batch
 * is retried after an exponential back-off with jitter. On success the spool is drained in order
 * (peek → send → ack) before any newer point; once it is empty the shipper is live again.
 * Invariant: every spooled point is older than every point in memory, so nothing is reordered,
 * and each point is in exactly one place, so nothing is sent twice by the agent itself.
 * On a FatalError (bad key) unsent points go to the spool and the shipper stops.
 */
export function createShipper(options: ShipperOptions): Shipper {
  return new PointShipper(options);
}

interface Batch {
  readonly points: readonly MetricPoint[];
  readonly fromSpool: boolean;
}

class PointShipper implements Shipper {
  readonly done: Promise<void>;
  private readonly transport: Transport;
  private readonly spool: Spool;
  private readonly maxBatch: number;
  private readonly sleep: Sleep;
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private pending: MetricPoint[] = [];
  private state: ShipperState = 'live';
  private attempt = 0;
  private outageSince = 0;
  private counts = { sent: 0, batches: 0, spooled: 0, retries: 0 };
  private wake: (() => void) | undefined;
  private idleWaiters: { resolve: (drained: boolean) => void; reject: (e: unknown) => void }[] = [];
  private fatal: FatalError | undefined;
  private inFlight = false;

  constructor(private readonly options: ShipperOptions) {
    this.transport = options.transport;
    this.spool = options.spool;
    this.maxBatch = Math.max(1, options.maxBatch ?? options.transport.maxBatch ?? 60);
    this.sleep = options.sleep ?? realSleep;
    this.log = options.log ?? silentLogger;
    // A spool left by an earlier run means the server has points to catch up on first.
    if (this.spool.size > 0) this.enterOutage();
    this.done = this.run();
    this.done.catch(() => {}); // the rejection is for whoever awaits `done`; never unhandled
  }

  offer(points: readonly MetricPoint[]): void {
    if (points.length === 0) return;
    if (this.state === 'live') this.pending.push(...points);
    else this.toSpool(points);
    this.wake?.();
  }

  drain(): Promise<boolean> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.state === 'stopped') return Promise.resolve(false);
    if (this.isIdle()) return Promise.resolve(true);
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  async stop(): Promise<void> {
    if (this.state !== 'failed') this.state = 'stopped';
    this.abort.abort();
    this.wake?.();
    await this.done.catch(() => {});
  }

  stats(): ShipperStats {
    return { state: this.state, ...this.counts, pending: this.pending.length, spool: this.spool.stats() };
  }

  private async run(): Promise<void> {
    try {
      while (this.running()) {
        const batch = this.nextBatch();
        if (batch) await this.ship(batch);
        else await this.idle();
      }
    } finally {
      this.toSpool(this.pending.splice(0));
      this.settleWaiters();
    }
    if (this.fatal) throw this.fatal;
  }

  private running(): boolean {
    return this.state === 'live' || this.state === 'outage';
  }

  /** Spool first (older), then memory. */
  private nextBatch(): Batch | undefined {
    if (this.spool.size > 0) {
      const points = this.spool.peek(this.maxBatch);
      if (points.length > 0) return { points, fromSpool: true };
    }
    if (this.state === 'outage') this.leaveOutage();
    if (this.pending.length > 0) return { points: this.pending.splice(0, this.maxBatch), fromSpool: false };
    return undefined;
  }

  private async ship(batch: Batch): Promise<void> {
    this.inFlight = true;
    try {
      await this.transport.sendBatch(batch.points, this.abort.signal);
      this.inFlight = false;
      this.onSent(batch);
    } catch (error) {
      this.inFlight = false;
      if (error instanceof FatalError) return this.onFatal(batch, error);
      this.onRetryable(batch, error);
      if (this.running()) await this.sleep(this.retryDelay(error), this.abort.signal);
    }
  }

  private onSent(batch: Batch): void {
    if (batch.fromSpool) this.spool.ack(batch.points.length);
    this.counts.sent += batch.points.length;
    this.counts.batches += 1;
    this.attempt = 0;
  }

  private onRetryable(batch: Batch, error: unknown): void {
    // The failed live batch is older than whatever arrived meanwhile: it goes in first.
    if (!batch.fromSpool) this.toSpool([...batch.points, ...this.pending.splice(0)]);
    if (!this.running()) return; // aborted by stop(): spooled, not a failure to report
    this.attempt += 1;
    this.counts.retries += 1;
    if (this.state === 'live') this.enterOutage(error);
    else this.log.debug('send failed again', { transport: this.transport.name, attempt: this.attempt, error: describe(error) });
  }

  private onFatal(batch: Batch, error: FatalError): void {
    if (!batch.fromSpool) this.toSpool([...batch.points, ...this.pending.splice(0)]);
    this.fatal = error;
    this.state = 'failed';
    this.log.error('server refused the points; stopping', {
      transport: this.transport.name,
      error: error.message,
      spooled: this.spool.size,
    });
  }

  private retryDelay(error: unknown): number {
    const delay = backoffDelay(this.attempt, this.options.backoff, this.options.random);
    return error instanceof RetryableError && error.retryAfterMs !== undefined ? Math.max(delay, error.retryAfterMs) : delay;
  }

  private enterOutage(error?: unknown): void {
    this.state = 'outage';
    this.outageSince = Date.now();
    if (error === undefined) this.log.info('replaying spooled points', { spooled: this.spool.size });
    else this.log.warn('send failed; spooling until the server is back', { transport: this.transport.name, error: describe(error) });
  }

  private leaveOutage(): void {
    this.state = 'live';
    this.log.info('spool drained; sending live', { outageMs: Date.now() - this.outageSince, sent: this.counts.sent });
  }

  private toSpool(points: readonly MetricPoint[]): void {
    if (points.length === 0) return;
    this.spool.append(points);
    this.counts.spooled += points.length;
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.spool.size === 0 && this.state === 'live' && !this.inFlight;
  }

  private async idle(): Promise<void> {
    this.settleWaiters();
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    this.wake = undefined;
  }

  private settleWaiters(): void {
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) {
      if (this.fatal) w.reject(this.fatal);
      else w.resolve(this.state !== 'stopped');
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
