import {
  MemoryKeyValueStore,
  MemoryPubSub,
  type KeyValueStore,
  type PubSub,
  RedisKeyValueStore,
  RedisPubSub,
} from '@perfanalysis/platform';
import { redisAvailable, TEST_REDIS_CLUSTER, TEST_REDIS_URL } from '@perfanalysis/testenv';
import { randomBytes } from 'node:crypto';

const prefix = () => `pa_contract_${randomBytes(4).toString('hex')}:`;
const target = { url: TEST_REDIS_URL, cluster: TEST_REDIS_CLUSTER };

/** Both adapters must pass the same suite; Redis runs against a real server. */
const pubSubAdapters: [string, () => PubSub][] = [
  ['memory', () => new MemoryPubSub()],
  ...(redisAvailable() ? ([['redis', () => new RedisPubSub({ ...target, prefix: prefix() })]] as [string, () => PubSub][]) : []),
];
const kvAdapters: [string, () => KeyValueStore][] = [
  ['memory', () => new MemoryKeyValueStore()],
  ...(redisAvailable() ? ([['redis', () => new RedisKeyValueStore(target, prefix())]] as [string, () => KeyValueStore][]) : []),
];

function nextMessages(count: number, subscribe: (handler: (m: string) => void) => Promise<unknown>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const received: string[] = [];
    const timer = setTimeout(() => reject(new Error(`got ${received.length}/${count} messages`)), 5_000);
    void subscribe((message) => {
      received.push(message);
      if (received.length === count) {
        clearTimeout(timer);
        resolve(received);
      }
    });
  });
}

describe.each(pubSubAdapters)('PubSub contract: %s', (_name, create) => {
  let pubsub: PubSub;
  beforeEach(() => (pubsub = create()));
  afterEach(() => pubsub.close());

  it('delivers messages in publish order to every subscriber of the channel', async () => {
    let ready = 0;
    const subscribed = () => (ready += 1);
    const a = nextMessages(3, (h) => pubsub.subscribe('points', h).then(subscribed));
    const b = nextMessages(3, (h) => pubsub.subscribe('points', h).then(subscribed));
    while (ready < 2) await new Promise((r) => setTimeout(r, 5));
    for (const m of ['1', '2', '3']) await pubsub.publish('points', m);
    expect(await a).toEqual(['1', '2', '3']);
    expect(await b).toEqual(['1', '2', '3']);
  });

  it('keeps the publish order of a burst sent without waiting (a cluster must not reorder it)', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => String(i));
    let ready = false;
    const received = nextMessages(burst.length, (h) => pubsub.subscribe('burst', h).then(() => (ready = true)));
    while (!ready) await new Promise((r) => setTimeout(r, 5));
    await Promise.all(burst.map((m) => pubsub.publish('burst', m)));
    expect(await received).toEqual(burst);
  });

  it('keeps channels apart and stops delivering after unsubscribe', async () => {
    const other: string[] = [];
    await pubsub.subscribe('other', (m) => other.push(m));
    const seen: string[] = [];
    const unsubscribe = await pubsub.subscribe('mine', (m) => seen.push(m));
    await pubsub.publish('mine', 'x');
    await new Promise((r) => setTimeout(r, 100));
    await unsubscribe();
    await pubsub.publish('mine', 'y');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual(['x']);
    expect(other).toEqual([]);
  });

  it('answers ping', async () => {
    await expect(pubsub.ping()).resolves.toBeUndefined();
  });
});

describe.each(kvAdapters)('KeyValueStore contract: %s', (_name, create) => {
  let kv: KeyValueStore;
  beforeEach(() => (kv = create()));
  afterEach(() => kv.close());

  it('stores, expires and deletes values', async () => {
    await kv.set('a', '1', 60_000);
    await kv.set('short', '2', 50);
    expect(await kv.get('a')).toBe('1');
    await new Promise((r) => setTimeout(r, 120));
    expect(await kv.get('short')).toBeUndefined();
    await kv.delete('a');
    expect(await kv.get('a')).toBeUndefined();
  });

  it('sets only when absent', async () => {
    expect(await kv.setIfAbsent('once', 'first', 60_000)).toBe(true);
    expect(await kv.setIfAbsent('once', 'second', 60_000)).toBe(false);
    expect(await kv.get('once')).toBe('first');
  });

  it('counts within a window that starts at the first increment', async () => {
    expect((await kv.increment('hits', 200)).count).toBe(1);
    const second = await kv.increment('hits', 200);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(0);
    expect(second.resetInMs).toBeLessThanOrEqual(200);
    await new Promise((r) => setTimeout(r, 260));
    expect((await kv.increment('hits', 200)).count).toBe(1);
  });

  it('adds and takes back amounts (byte budgets)', async () => {
    expect((await kv.increment('bytes', 60_000, 5_000)).count).toBe(5_000);
    expect((await kv.increment('bytes', 60_000, 7_000)).count).toBe(12_000);
    expect((await kv.increment('bytes', 60_000, -7_000)).count).toBe(5_000);
  });

  it('spends a rate budget as a burst of max, refuses the next without counting it, and says when one fits (GCRA)', async () => {
    const spends = [];
    for (let i = 0; i < 5; i++) spends.push(await kv.spendRate('rate', 3, 60_000));
    expect(spends.map((s) => s.used)).toEqual([0, 1, 2, 3, 3]);
    expect(spends.slice(0, 3).map((s) => s.retryInMs)).toEqual([0, 0, 0]);
    // One call refills every 20 s: the refused ones wait for it, and being refused did not push it back.
    for (const refused of spends.slice(3)) {
      expect(refused.retryInMs).toBeGreaterThan(0);
      expect(refused.retryInMs).toBeLessThanOrEqual(20_000);
    }
    expect(spends[4]!.retryInMs).toBeLessThanOrEqual(spends[3]!.retryInMs);
    expect((await kv.spendRate('other', 3, 60_000)).retryInMs).toBe(0);
  });

  it('lets one more call in once the wait it named has passed', async () => {
    await kv.spendRate('refill', 1, 300);
    const refused = await kv.spendRate('refill', 1, 300);
    expect(refused.used).toBe(1);
    await new Promise((r) => setTimeout(r, refused.retryInMs + 20));
    expect(await kv.spendRate('refill', 1, 300)).toEqual({ used: 0, retryInMs: 0 });
  });

  it('spends atomically under concurrent calls', async () => {
    const spends = await Promise.all(Array.from({ length: 12 }, () => kv.spendRate('burst', 4, 60_000)));
    expect(spends.filter((s) => s.retryInMs === 0)).toHaveLength(4);
  });
});

it('refuses a Redis adapter without a channel prefix', () => {
  expect(() => new RedisPubSub({ ...target, prefix: '' })).toThrow(/prefix/);
});
