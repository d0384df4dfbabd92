import { LivePointsDocument, LivePointsLeanDocument, MeDocument } from '@perfanalysis/sdk';
import { connectLive, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { gauge, instants, pointAt, registerCollector, sleep, trickle, untilLive, valuesOf, type TestCollector } from './liveWorld.js';

describe('live points through the gateway (graphql-ws on /graphql)', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let web: TestCollector;
  const connections: { close(): Promise<void> }[] = [];
  const live = (token = tenant.session.accessToken) => {
    const connection = connectLive(env.gatewayUrl, token);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  afterAll(() => env?.stop());

  it('delivers trickled points with fields of other subgraphs resolved (collector.hostname)', async () => {
    const times = instants(3, 200_000);
    const sub = live().subscribe(LivePointsDocument, { collectorIds: [web.id], since: new Date(times[0]! - 1).toISOString() });
    await trickle(
      env,
      web,
      times.map((t, i) => pointAt(t, i + 1)),
    );
    const data = await sub.until((d) => d.length >= 3);
    expect(valuesOf(data)).toEqual([1, 2, 3]);
    expect(data[0]!.livePoints).toMatchObject({ timestamp: new Date(times[0]!).toISOString(), cpuUser: 1, memTotalMb: 4096 });
    expect(data[0]!.livePoints.collector).toEqual({ id: web.id, hostname: web.hostname });
    // Every event says where to resume from.
    expect(sub.extensions[2]?.resumeFrom).toBe(new Date(times[2]!).toISOString());
  });

  it('delivers live points (no since) once they are stored', async () => {
    const sub = live().subscribe(LivePointsDocument, { collectorIds: [web.id] });
    await untilLive(env, web, [sub]);
    const times = instants(5, 150_000);
    await trickle(
      env,
      web,
      times.map((t, i) => pointAt(t, 101 + i)),
    );
    await sub.until((d) => valuesOf(d).length >= 5);
    await sleep(300);
    expect(valuesOf(sub.data)).toEqual([101, 102, 103, 104, 105]);
    expect(sub.data.at(-1)!.livePoints.collector.hostname).toBe(web.hostname);
  });

  it('fills only the metric groups asked for', async () => {
    const [t] = instants(1, 140_000);
    const sub = live().subscribe(LivePointsDocument, { collectorIds: [web.id], groups: ['CPU'], since: new Date(t! - 1).toISOString() });
    await trickle(env, web, [pointAt(t!, 42)]);
    const [first] = await sub.until((d) => d.length >= 1);
    expect(first!.livePoints).toMatchObject({ cpuUser: 42, cpuSystem: 1, cpuIowait: 0.5, memUsedMb: null, memTotalMb: null });
  });

  it('replays the stored points after since, then live ones: no gap, no duplicate at the seam', async () => {
    const seam = await registerCollector(tenant, 'seam-01');
    const times = instants(80, 100_000);
    await trickle(
      env,
      seam,
      times.slice(0, 50).map((t, i) => pointAt(t, i + 1)),
    );
    const sub = live().subscribe(LivePointsLeanDocument, { collectorIds: [seam.id], since: new Date(times[9]!).toISOString() });
    // Points 51..80 are trickled one by one while the subscription starts (replay and live race).
    for (let i = 50; i < 80; i += 1) await trickle(env, seam, [pointAt(times[i]!, i + 1)]);
    await sub.until((d) => d.some((p) => p.livePoints.memUsedMb === 80));
    await sleep(500);
    expect(valuesOf(sub.data)).toEqual(Array.from({ length: 70 }, (_, i) => i + 11));
  });

  it('follows every collector of the tenant without collectorIds, collectors registered later included', async () => {
    const since = new Date(Date.now() - 90_000).toISOString();
    const sub = live().subscribe(LivePointsDocument, { since });
    await untilLive(env, web, [sub]);
    // Registered once the view runs: found by its periodic look for new collectors, read from `since`.
    const later = await registerCollector(tenant, 'later-01');
    const [t1, t2] = instants(2, 80_000);
    await trickle(env, web, [pointAt(t1!, 7001)]);
    await trickle(env, later, [pointAt(t2!, 7002)]);
    const data = await sub.until((d) => [7001, 7002].every((v) => valuesOf(d).includes(v)), 20_000);
    const hosts = data.filter((d) => [7001, 7002].includes(d.livePoints.memUsedMb!)).map((d) => d.livePoints.collector.hostname);
    expect(hosts.sort()).toEqual([later.hostname, web.hostname].sort());
  }, 30_000);

  it('shares identical subscriptions: three clients, one upstream, each point once to each', async () => {
    const dedup = await registerCollector(tenant, 'dedup-01');
    const subs = [live(), live(), live()].map((c) => c.subscribe(LivePointsLeanDocument, { collectorIds: [dedup.id] }));
    await untilLive(env, dedup, subs);
    expect(await gauge(env.gatewayUrl, 'subscriptions_open')).toBe(3);
    expect(await gauge(env.gatewayUrl, 'subscription_upstreams_open')).toBe(1);
    const times = instants(4, 60_000);
    await trickle(
      env,
      dedup,
      times.map((t, i) => pointAt(t, 501 + i)),
    );
    for (const sub of subs) await sub.until((d) => valuesOf(d).length >= 4);
    await sleep(300);
    for (const sub of subs) expect(valuesOf(sub.data)).toEqual([501, 502, 503, 504]);

    subs[0]!.unsubscribe();
    subs[1]!.unsubscribe();
    await sleep(200);
    expect(await gauge(env.gatewayUrl, 'subscription_upstreams_open')).toBe(1);
    subs[2]!.unsubscribe();
    await sleep(200);
    expect(await gauge(env.gatewayUrl, 'subscriptions_open')).toBe(0);
    expect(await gauge(env.gatewayUrl, 'subscription_upstreams_open')).toBe(0);
  });

  it('ends with a typed NOT_FOUND, and no data, for a collector id the tenant does not have', async () => {
    const sub = live().subscribe(LivePointsDocument, { collectorIds: [web.id, '00000000-0000-4000-8000-000000000000'] });
    await sub.end();
    expect(sub.data).toEqual([]);
    expect(sub.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a since older than the replay window with BAD_USER_INPUT', async () => {
    const sub = live().subscribe(LivePointsDocument, { since: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    await sub.end();
    expect(sub.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });

  it('serves only subscriptions over WebSocket (queries: BAD_REQUEST)', async () => {
    const sub = live().subscribe(MeDocument);
    await sub.end();
    expect(sub.errors[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
