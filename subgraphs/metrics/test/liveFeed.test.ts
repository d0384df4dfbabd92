import { bindTenant, createLogger, MemoryPubSub, type PubSubStatus } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { DEFAULT_TUNING, LiveFeed, type LiveTuning } from '../src/live/liveFeed.js';
import type { LivePoint } from '../src/live/liveStore.js';
import { encodePointMessage, pointChannel } from '@perfanalysis/contract';

const TENANT = 't1';
const C1 = '11111111-1111-4111-8111-111111111111';

/** MemoryPubSub that can go down (messages lost) and come back, like Redis. */
class FlakyPubSub extends MemoryPubSub {
  private down = false;
  private readonly listeners = new Set<(status: PubSubStatus) => void>();

  override async publish(channel: string, message: string): Promise<void> {
    if (!this.down) await super.publish(channel, message);
  }

  onStatus(listener: (status: PubSubStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(status: PubSubStatus): void {
    this.down = status === 'down';
    this.listeners.forEach((l) => l(status));
  }
}

/** metric_points of one tenant in memory, answering readPointsPage's query; `duringRead` runs before each answer. */
class FakeStore {
  readonly rows: { collector_id: string; ts: Date; mem_used_mb: number }[] = [];
  duringRead: (() => Promise<void> | void) | undefined;
  reads = 0;

  add(collectorId: string, t: number): void {
    this.rows.push({ collector_id: collectorId, ts: new Date(t), mem_used_mb: t });
  }

  pool(): Pool {
    return {
      query: async (_sql: string, params: unknown[]) => {
        this.reads += 1;
        await this.duringRead?.();
        const [ids, afters, fromTs, fromId, limit] = params as [string[], Date[], Date | string, string, number];
        const after = new Map(ids.map((id, i) => [id, afters[i]!.getTime()]));
        const from = fromTs === '-infinity' ? -Infinity : (fromTs as Date).getTime();
        const rows = this.rows
          .filter((r) => after.has(r.collector_id) && r.ts.getTime() > after.get(r.collector_id)!)
          .filter((r) => r.ts.getTime() > from || (r.ts.getTime() === from && r.collector_id > fromId))
          .sort((a, b) => a.ts.getTime() - b.ts.getTime() || a.collector_id.localeCompare(b.collector_id))
          .slice(0, limit);
        return { rows };
      },
    } as unknown as Pool;
  }
}

function publish(pubsub: MemoryPubSub, collectorId: string, ...times: number[]): Promise<void> {
  return pubsub.publish(
    pointChannel(TENANT, collectorId),
    encodePointMessage({ c: collectorId, p: times.map((t) => ({ t, v: { mem_used_mb: t } })) }),
  );
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function feedOf(
  pubsub: MemoryPubSub,
  store: FakeStore,
  since: number | undefined,
  tuning: Partial<LiveTuning> = {},
  outageGraceMs = 60_000,
) {
  const feed = new LiveFeed(
    {
      pubsub,
      logger: createLogger('test', 'silent'),
      limits: { replayMaxAgeMs: 86_400_000, replayMaxPoints: 100_000, outageGraceMs },
      tuning: { ...DEFAULT_TUNING, ...tuning },
    },
    { tenantId: TENANT, db: bindTenant(store.pool(), 'tst'), collectorIds: [C1], columns: ['mem_used_mb'], since },
  );
  // What the hub does for every feed.
  if (pubsub instanceof FlakyPubSub) pubsub.onStatus((status) => (status === 'down' ? feed.pubsubDown() : feed.pubsubUp()));
  return feed;
}

async function take(feed: LiveFeed, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push(((await feed.next()).value as LivePoint).t);
  return times;
}

/** Resolves with everything the feed delivers within `ms`. */
async function drain(feed: LiveFeed, ms = 50): Promise<number[]> {
  const times: number[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const next = await Promise.race([feed.next(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
    if (!next) break;
    if (next.done) break;
    times.push(next.value.t);
  }
  return times;
}

describe('LiveFeed: stored points after since, then live, exactly once', () => {
  it('holds live messages during the replay and skips those the replay returned (the seam)', async () => {
    const pubsub = new MemoryPubSub();
    const store = new FakeStore();
    for (let t = 1; t <= 5; t += 1) store.add(C1, t * 1000);
    // While storage is read, point 5's publish arrives late (a duplicate of the replay) and point 6 is new.
    store.duringRead = async () => {
      store.duringRead = undefined;
      await publish(pubsub, C1, 5000, 6000);
      await tick();
    };
    const feed = feedOf(pubsub, store, 500);
    await feed.start([C1]);
    expect(await take(feed, 6)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    // A very late publish of a replayed point is still recognised; a genuinely new one passes.
    await publish(pubsub, C1, 3000, 7000);
    expect(await drain(feed)).toEqual([7000]);
    await feed.return();
  });

  it('delivers an older point that arrives live (an agent catching up): only replayed timestamps are skipped', async () => {
    const pubsub = new MemoryPubSub();
    const feed = feedOf(pubsub, new FakeStore(), undefined);
    await feed.start([C1]);
    await publish(pubsub, C1, 10_000);
    await publish(pubsub, C1, 5_000);
    expect(await take(feed, 2)).toEqual([10_000, 5_000]);
    await feed.return();
  });

  it('reads storage in pages, waiting for the consumer (bounded memory)', async () => {
    const pubsub = new MemoryPubSub();
    const store = new FakeStore();
    for (let t = 1; t <= 25; t += 1) store.add(C1, t);
    const feed = feedOf(pubsub, store, 0, { pageSize: 4 });
    await feed.start([C1]);
    await tick();
    expect(store.reads).toBeLessThanOrEqual(2);
    expect(await take(feed, 25)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await feed.return();
  });
});

describe('LiveFeed: outages of the pub/sub transport', () => {
  it('catches up from storage after a short outage: no gap, no duplicate', async () => {
    const pubsub = new FlakyPubSub();
    const store = new FakeStore();
    const feed = feedOf(pubsub, store, undefined);
    await feed.start([C1]);
    store.add(C1, 1000);
    await publish(pubsub, C1, 1000);
    expect(await take(feed, 1)).toEqual([1000]);

    pubsub.set('down');
    store.add(C1, 2000);
    await publish(pubsub, C1, 2000); // lost
    store.add(C1, 3000);
    await publish(pubsub, C1, 3000); // lost
    // Back: the catch-up read races a fresh point (stored and published while storage is read).
    store.duringRead = async () => {
      store.duringRead = undefined;
      store.add(C1, 4000);
      await publish(pubsub, C1, 4000);
      await tick();
    };
    pubsub.set('up');
    expect(await take(feed, 3)).toEqual([2000, 3000, 4000]);
    expect(await drain(feed)).toEqual([]);
    await feed.return();
  });

  it('ends with SERVICE_UNAVAILABLE and the resume point when the outage outlasts the grace period', async () => {
    const pubsub = new FlakyPubSub();
    const store = new FakeStore();
    const feed = feedOf(pubsub, store, undefined, {}, 30);
    await feed.start([C1]);
    await publish(pubsub, C1, 1000, 2000);
    expect(await take(feed, 2)).toEqual([1000, 2000]);
    pubsub.set('down');
    await expect(feed.next()).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', resumeFrom: new Date(2000).toISOString(), retryable: true },
    });
    expect(await feed.next()).toEqual({ value: undefined, done: true });
  });

  it('ends resumably when the consumer falls too far behind', async () => {
    const pubsub = new MemoryPubSub();
    const feed = feedOf(pubsub, new FakeStore(), undefined, { maxQueued: 3 });
    await feed.start([C1]);
    await publish(pubsub, C1, 1, 2, 3, 4, 5);
    await tick();
    expect(await take(feed, 5)).toEqual([1, 2, 3, 4, 5]);
    await expect(feed.next()).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', resumeFrom: new Date(5).toISOString() } });
  });

  it('resumes from the oldest point taken of any collector, or the idle floor while one took nothing', async () => {
    const pubsub = new MemoryPubSub();
    const ids = ['a', 'b', 'c', 'd'].map((x) => `${x.repeat(8)}-1111-4111-8111-111111111111`);
    const feed = new LiveFeed(
      {
        pubsub,
        logger: createLogger('test', 'silent'),
        limits: { replayMaxAgeMs: 86_400_000, replayMaxPoints: 100_000, outageGraceMs: 60_000 },
        tuning: DEFAULT_TUNING,
      },
      { tenantId: TENANT, db: bindTenant(new FakeStore().pool(), 'tst'), collectorIds: ids, columns: ['mem_used_mb'], since: undefined },
    );
    await feed.start(ids);
    // An hour on, the floor of a collector that took nothing is the idle window (later than the start).
    const later = Date.now() + 3_600_000;
    const idleFloor = later - DEFAULT_TUNING.idleResumeWindowMs;
    const taken = new Map<string, number>();
    const expected = () => Math.min(...ids.map((id) => taken.get(id) ?? idleFloor));
    expect(feed.resumeFrom(later)).toBe(idleFloor);
    // Points of each collector in rounds (the oldest moves on every round), and a late one.
    const rounds = [0, 1, 2].flatMap((round) => ids.map((id, i) => ({ id, t: 100 + round * 10 + i })));
    for (const point of [...rounds.slice(0, 6), { id: ids[2]!, t: 105 }, ...rounds.slice(6)]) {
      await publish(pubsub, point.id, point.t);
      await tick();
      expect(await take(feed, 1)).toEqual([point.t]);
      taken.set(point.id, Math.max(taken.get(point.id) ?? -Infinity, point.t));
      expect(feed.resumeFrom(later)).toBe(expected());
      if (taken.size === ids.length) expect(feed.resumeFrom()).toBe(expected());
    }
    expect(feed.resumeFrom()).toBe(120);
    await feed.return();
  });
});
