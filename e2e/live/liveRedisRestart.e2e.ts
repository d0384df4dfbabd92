import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import { documentText, LivePointsLeanDocument, type MetricPointInput, TricklePointsDocument } from '@perfanalysis/sdk';
import {
  connectLive,
  createTestEnvironment,
  newTenant,
  redisAvailable,
  startTestRedis,
  type TestEnvironment,
  type TestRedis,
  type TestTenant,
} from '@perfanalysis/testenv';
import { instants, pointAt, registerCollector, sleep, trickle, valuesOf, type TestCollector } from './liveWorld.js';

const describeWithRedis = redisAvailable() ? describe : describe.skip;

/**
 * Stores points as the agent's trickle would, straight at the metrics subgraph (the gateway
 * cannot authenticate while Redis is down): they are stored, and their publish fails.
 */
async function storeWhileRedisIsDown(env: TestEnvironment, tenant: TestTenant, collector: TestCollector, points: MetricPointInput[]) {
  const identity: RequestIdentity = {
    principal: { kind: 'collector', collectorId: collector.id, keyId: 'test', scopes: [] },
    tenant: { id: tenant.id, slug: tenant.slug },
    ip: '127.0.0.1',
  };
  const response = await fetch(env.subgraphUrls.metrics, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(identity, env.runtime.secrets.internalSecret) },
    body: JSON.stringify({ query: documentText(TricklePointsDocument), variables: { points } }),
  });
  const body = (await response.json()) as { data?: { tricklePoints: { accepted: number } }; errors?: unknown };
  expect(body.data?.tricklePoints.accepted).toBe(points.length);
}

/** Trickles through the gateway, retrying while it still answers SERVICE_UNAVAILABLE (Redis coming back). */
async function trickleWhenBack(env: TestEnvironment, collector: TestCollector, points: MetricPointInput[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await trickle(env, collector, points);
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(200);
    }
  }
}

describeWithRedis('Redis restarted under live subscriptions', () => {
  let redis: TestRedis;
  let env: TestEnvironment;
  let tenant: TestTenant;
  const connections: { close(): Promise<void> }[] = [];
  const live = () => {
    const connection = connectLive(env.gatewayUrl, tenant.session.accessToken);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    // A Redis of this test's own: the machine's shared one is never restarted.
    redis = await startTestRedis();
    env = await createTestEnvironment({ redis: true, env: { REDIS_URL: redis.url, LIVE_OUTAGE_GRACE: '3s' } });
    tenant = await newTenant(env);
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await env?.stop();
    await redis?.stop();
  });

  it('a short outage: live views catch up from storage, each point once, in order, no gap', async () => {
    const web = await registerCollector(tenant, 'short-01');
    const times = instants(9, 60_000);
    const sub = live().subscribe(LivePointsLeanDocument, { collectorIds: [web.id], since: new Date(times[0]! - 1).toISOString() });
    await trickle(
      env,
      web,
      times.slice(0, 3).map((t, i) => pointAt(t, i + 1)),
    );
    await sub.until((d) => valuesOf(d).length >= 3);

    await redis.stop();
    await storeWhileRedisIsDown(
      env,
      tenant,
      web,
      times.slice(3, 6).map((t, i) => pointAt(t, i + 4)),
    );
    await redis.start();
    await trickleWhenBack(
      env,
      web,
      times.slice(6).map((t, i) => pointAt(t, i + 7)),
    );

    await sub.until((d) => valuesOf(d).includes(9), 20_000);
    await sleep(500);
    expect(valuesOf(sub.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sub.errors).toEqual([]);
  }, 40_000);

  it('a long outage: live views end with SERVICE_UNAVAILABLE and resumeFrom; resuming with since misses nothing; nothing crashed', async () => {
    const web = await registerCollector(tenant, 'long-01');
    const times = instants(6, 40_000);
    const sub = live().subscribe(LivePointsLeanDocument, { collectorIds: [web.id], since: new Date(times[0]! - 1).toISOString() });
    await trickle(
      env,
      web,
      times.slice(0, 2).map((t, i) => pointAt(t, i + 1)),
    );
    await sub.until((d) => valuesOf(d).length >= 2);

    await redis.stop();
    await storeWhileRedisIsDown(
      env,
      tenant,
      web,
      times.slice(2, 4).map((t, i) => pointAt(t, i + 3)),
    );
    expect(await sub.end(10_000)).toBe('error');
    const failure = sub.errors[0]!;
    expect(failure.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    await redis.start();
    await trickleWhenBack(
      env,
      web,
      times.slice(4).map((t, i) => pointAt(t, i + 5)),
    );

    const resumed = live().subscribe(LivePointsLeanDocument, { collectorIds: [web.id], since: failure.extensions!.resumeFrom as string });
    await resumed.until((d) => valuesOf(d).includes(6), 20_000);
    const seen = [...valuesOf(sub.data), ...valuesOf(resumed.data)];
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const url of [env.gatewayUrl, ...Object.values(env.subgraphUrls)])
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
  }, 40_000);
});
