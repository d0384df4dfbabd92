import type { MetricColumn, MetricValues } from '@perfanalysis/contract';
import { type Logger, type PubSub, ServiceUnavailableError, type TenantDb, type Unsubscribe } from '@perfanalysis/platform';
import { allCollectors, type LivePoint, readPointsPage } from './liveStore.js';
import { decodePointMessage, pointChannel } from '@perfanalysis/contract';

/** Limits of live views (from the config's `live` section). */
export interface LiveLimits {
  readonly replayMaxAgeMs: number;
  readonly replayMaxPoints: number;
  readonly outageGraceMs: number;
}

/** Tuning that tests may shorten; production uses the defaults. */
export interface LiveTuning {
  /** How often a view of "all collectors" looks for new ones. @default 5 s */
  readonly refreshMs: number;
  /** Rows per replay page. @default 5000 */
  readonly pageSize: number;
  /** Points waiting for the consumer beyond which the view ends (resumable). @default 50,000 */
  readonly maxQueued: number;
  /** How long replayed timestamps are remembered against a late publish of the same point. @default 30 s */
  readonly seamGraceMs: number;
  /** An idle collector holds the resume point at most this far back. @default 60 s */
  readonly idleResumeWindowMs: number;
}

export const DEFAULT_TUNING: LiveTuning = {
  refreshMs: 5_000,
  pageSize: 5_000,
  maxQueued: 50_000,
  seamGraceMs: 30_000,
  idleResumeWindowMs: 60_000,
};

export interface LiveFeedDeps {
  readonly pubsub: PubSub;
  readonly logger: Logger;
  readonly limits: LiveLimits;
  readonly tuning: LiveTuning;
}

export interface LiveRequest {
  readonly tenantId: string;
  /** The tenant's tables, where replays and the collector list are read. */
  readonly db: TenantDb;
  /** The collectors to follow (already checked to be the tenant's); null: every collector of the tenant, new ones included. */
  readonly collectorIds: readonly string[] | null;
  readonly columns: readonly MetricColumn[];
  /** Replay stored points after this instant (epoch ms) before the live ones. */
  readonly since: number | undefined;
}

/** Per followed collector. */
interface Track {
  readonly id: string;
  /** Newest timestamp queued for the consumer: storage is read after it. */
  cursor: number | undefined;
  /** Newest timestamp the consumer took: the resume point is computed from it. */
  taken: number | undefined;
  /** Where reading storage starts while nothing was delivered: `since`, else when the view started. */
  readonly floor: number;
  /** 'catching-up': live messages wait in `pending` while storage is read (start with `since`, new collector, pub/sub outage). */
  phase: 'live' | 'catching-up';
  pending: LivePoint[];
  /** Timestamps read from storage at the last catch-up: a late publish of one of them is a duplicate. */
  seam: Set<number> | undefined;
  seamUntil: number;
  unsubscribe: Unsubscribe | undefined;
}

/**
 * One live view: the stored points after `since` (if given), then live points, with no gap
 * and no duplicate at the seam. The channel of each collector is subscribed first, and its
 * messages are held while storage is read; then the held messages are delivered, skipping
 * points the read returned. The same catch-up runs when a collector appears (views of all
 * collectors) and when the pub/sub transport comes back after an outage, from the last
 * timestamp delivered per collector. An outage longer than `outageGraceMs`, a slow consumer
 * or a storage failure ends the view with SERVICE_UNAVAILABLE and a `resumeFrom` instant.
 */
export class LiveFeed implements AsyncIterableIterator<LivePoint> {
  private readonly tracks = new Map<string, Track>();
  private readonly queue: LivePoint[] = [];
  private queueHead = 0;
  private waiter: ((result: IteratorResult<LivePoint>) => void) | undefined;
  private failWaiter: ((error: unknown) => void) | undefined;
  private roomWaiter: (() => void) | undefined;
  private failure: Error | undefined;
  private finished = false;
  private readonly startedAt = Date.now();
  private epoch = 0;
  private down = false;
  private graceTimer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private started = false;
  /** Tracks that took nothing yet, and the oldest `taken` of the others (undefined: to be found again). */
  private untaken = 0;
  private minTaken: number | undefined = Infinity;
  /** Called once when the view ends, whatever the reason. */
  onEnd: (() => void) | undefined;

  constructor(
    private readonly deps: LiveFeedDeps,
    private readonly request: LiveRequest,
  ) {}

  /** Subscribes every collector's channel; resolves once live delivery is guaranteed. */
  async start(initialIds: readonly string[]): Promise<void> {
    try {
      await Promise.all(initialIds.map((id) => this.follow(id)));
      this.started = true;
      if (this.request.collectorIds === null) {
        this.refreshTimer = setInterval(() => void this.refresh(), this.deps.tuning.refreshMs);
        this.refreshTimer.unref();
      }
    } catch (error) {
      await this.close();
      this.deps.logger.warn({ err: error }, 'live view could not subscribe');
      throw new ServiceUnavailableError('Live delivery is unavailable right now; retry shortly.', { retryable: true });
    }
    if (this.request.since !== undefined) this.scheduleCatchUp();
  }

  /** The instant a client resumes from with `since` to miss nothing (it may see a few points again). */
  resumeFrom(now = Date.now()): number {
    // min over tracks of (taken ?? max(floor, idleFloor)); every track has the same floor, so the
    // tracks that took nothing count once. Asked for every event sent: a view of a whole fleet
    // must not walk its thousands of tracks each time (see take()).
    const idleFloor = now - this.deps.tuning.idleResumeWindowMs;
    const floor = Math.max(this.request.since ?? this.startedAt, idleFloor);
    const resume = Math.min(this.earliestTaken(), this.untaken > 0 ? floor : Infinity);
    return Number.isFinite(resume) ? resume : floor;
  }

  /** The oldest `taken` of the tracks that took something (Infinity: none). */
  private earliestTaken(): number {
    if (this.minTaken === undefined) {
      let min = Infinity;
      for (const track of this.tracks.values()) if (track.taken !== undefined && track.taken < min) min = track.taken;
      this.minTaken = min;
    }
    return this.minTaken;
  }

  get followed(): number {
    return this.tracks.size;
  }

  // ---- the pub/sub transport's outages (called by the hub) ----

  pubsubDown(): void {
    if (this.finished) return;
    this.epoch += 1;
    this.down = true;
    for (const track of this.tracks.values()) track.phase = 'catching-up';
    this.graceTimer ??= setTimeout(
      () => this.fail(new ServiceUnavailableError('Live delivery stopped: the message bus is unavailable. Resubscribe with `since`.')),
      this.deps.limits.outageGraceMs,
    );
  }

  pubsubUp(): void {
    if (this.finished) return;
    this.down = false;
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.scheduleCatchUp();
  }

  // ---- AsyncIterator ----

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<LivePoint>> {
    if (this.queueHead < this.queue.length) {
      const value = this.queue[this.queueHead]!;
      this.queue[this.queueHead++] = undefined as never;
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead);
        this.queueHead = 0;
      }
      this.take(value);
      if (this.roomWaiter && this.queued() < this.deps.tuning.pageSize) this.roomWaiter();
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const failure = this.withResume(this.failure);
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.failWaiter = reject;
    });
  }

  async return(): Promise<IteratorResult<LivePoint>> {
    await this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<LivePoint>> {
    await this.close();
    throw error;
  }

  // ---- internals ----

  private queued(): number {
    return this.queue.length - this.queueHead;
  }

  private take(point: LivePoint): void {
    const track = this.tracks.get(point.c);
    if (!track || (track.taken !== undefined && point.t <= track.taken)) return;
    const before = track.taken;
    track.taken = point.t;
    if (before === undefined) {
      this.untaken -= 1;
      if (this.minTaken !== undefined) this.minTaken = Math.min(this.minTaken, point.t);
    } else if (before === this.minTaken) {
      // The oldest moved on: found again when next asked (about once per round of the fleet's points).
      this.minTaken = undefined;
    }
  }

  private withResume(error: Error): Error {
    const extensions = (error as Partial<{ extensions: Record<string, unknown> }>).extensions;
    if (extensions) Object.assign(extensions, { resumeFrom: new Date(this.resumeFrom()).toISOString(), retryable: true });
    return error;
  }

  private async follow(id: string): Promise<void> {
    if (this.tracks.has(id) || this.finished) return;
    const track: Track = {
      id,
      cursor: undefined,
      taken: undefined,
      floor: this.request.since ?? this.startedAt,
      // With `since`, for a collector found after the start, and during an outage, storage is read first.
      phase: this.request.since !== undefined || this.started || this.down ? 'catching-up' : 'live',
      pending: [],
      seam: undefined,
      seamUntil: 0,
      unsubscribe: undefined,
    };
    this.tracks.set(id, track);
    this.untaken += 1;
    track.unsubscribe = await this.deps.pubsub.subscribe(pointChannel(this.request.tenantId, id), (text) => this.onMessage(track, text));
    if (this.finished) await track.unsubscribe();
  }

  private onMessage(track: Track, text: string): void {
    if (this.finished) return;
    let points: LivePoint[];
    try {
      const message = decodePointMessage(text);
      points = message.p.map((p) => ({ c: track.id, t: p.t, v: pick(p.v, this.request.columns) }));
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'unreadable live point message skipped');
      return;
    }
    if (track.phase === 'catching-up') {
      track.pending.push(...points);
      if (track.pending.length > this.deps.tuning.maxQueued)
        this.fail(new ServiceUnavailableError('Live view fell behind; resubscribe with `since`.'));
      return;
    }
    const now = Date.now();
    if (track.seam && now > track.seamUntil) track.seam = undefined;
    for (const point of points) if (!track.seam?.has(point.t)) this.emit(point);
  }

  private emit(point: LivePoint): void {
    const track = this.tracks.get(point.c);
    if (track && (track.cursor === undefined || point.t > track.cursor)) track.cursor = point.t;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = this.failWaiter = undefined;
      this.take(point);
      waiter({ value: point, done: false });
      return;
    }
    this.queue.push(point);
    if (this.queued() > this.deps.tuning.maxQueued)
      this.fail(new ServiceUnavailableError('Live view fell behind; resubscribe with `since`.'));
  }

  /** Resolves when the consumer has room for another page (replay backpressure). */
  private room(): Promise<void> {
    if (this.queued() < this.deps.tuning.pageSize || this.finished) return Promise.resolve();
    return new Promise((resolve) => {
      this.roomWaiter = () => {
        this.roomWaiter = undefined;
        resolve();
      };
    });
  }

  private scheduleCatchUp(): void {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        await this.catchUpOnce();
      } while (this.catchUpAgain && !this.finished);
    })()
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error }, 'live view could not read storage');
        this.fail(new ServiceUnavailableError('Live view could not read stored points; resubscribe with `since`.'));
      })
      .finally(() => (this.catchingUp = undefined));
  }

  /**
   * Reads storage for every collector catching up (after its cursor, else its floor), then
   * delivers the messages held meanwhile minus those the read returned. When the transport
   * failed again during the read, the held messages wait for the next catch-up.
   */
  private async catchUpOnce(): Promise<void> {
    if (this.down || this.finished) return;
    const epoch = this.epoch;
    const tracks = [...this.tracks.values()].filter((t) => t.phase === 'catching-up');
    if (tracks.length === 0) return;
    const seams = new Map(tracks.map((t) => [t.id, new Set<number>()]));
    const cursors = tracks.map((t) => ({ collectorId: t.id, after: t.cursor ?? t.floor }));
    let from: { t: number; c: string } | undefined;
    for (;;) {
      await this.room();
      if (this.finished) return;
      const page = await readPointsPage(this.request.db, cursors, this.request.columns, from, this.deps.tuning.pageSize);
      for (const point of page) {
        seams.get(point.c)!.add(point.t);
        this.emit(point);
      }
      if (page.length < this.deps.tuning.pageSize) break;
      const last = page[page.length - 1]!;
      from = { t: last.t, c: last.c };
    }
    if (this.epoch !== epoch || this.down || this.finished) return;
    const seamUntil = Date.now() + this.deps.tuning.seamGraceMs;
    for (const track of tracks) {
      const seam = seams.get(track.id)!;
      const held = track.pending;
      track.pending = [];
      for (const point of held) if (!seam.has(point.t)) this.emit(point);
      track.phase = 'live';
      track.seam = seam.size ? seam : undefined;
      track.seamUntil = seamUntil;
    }
  }

  /** Views of all collectors follow collectors registered after they started. */
  private async refresh(): Promise<void> {
    if (this.finished) return;
    try {
      const ids = await allCollectors(this.request.db);
      const fresh = ids.filter((id) => !this.tracks.has(id));
      if (fresh.length === 0) return;
      await Promise.all(fresh.map((id) => this.follow(id)));
      this.scheduleCatchUp();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'live view could not list collectors');
    }
  }

  /** Ends the view with a resumable error, after the points already queued. */
  fail(error: Error): void {
    if (this.finished) return;
    this.failure = error;
    const reject = this.failWaiter;
    this.waiter = this.failWaiter = undefined;
    void this.close();
    if (reject) {
      this.failure = undefined;
      reject(this.withResume(error));
    }
  }

  private async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.graceTimer);
    clearInterval(this.refreshTimer);
    this.roomWaiter?.();
    const tracks = [...this.tracks.values()];
    this.onEnd?.();
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = this.failWaiter = undefined;
      waiter({ value: undefined, done: true });
    }
    await Promise.all(tracks.map((t) => t.unsubscribe?.().catch(() => undefined)));
  }
}

function pick(values: MetricValues, columns: readonly MetricColumn[]): MetricValues {
  const picked: Partial<Record<MetricColumn, number>> = {};
  for (const column of columns) {
    const value = values[column];
    if (typeof value === 'number') picked[column] = value;
  }
  return picked;
}
