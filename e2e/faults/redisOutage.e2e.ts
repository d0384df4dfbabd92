import { LivePointsLeanDocument, RegisterCollectorDocument } from '@perfanalysis/sdk';
import { connectLive, type TestEnvironment, type TestRedis, type TestTenant } from '@perfanalysis/testenv';
import { eventually, type FaultWorld, healthStatuses, sleep, startFaultWorld, TrickleClient } from './faultWorld.js';

type LiveData = { livePoints: { memUsedMb?: number | null } };
const valuesOf = (data: LiveData[]) => data.map((d) => d.livePoints.memUsedMb ?? -1);

describe('Redis stopped and restarted under trickle traffic and live views', () => {
  let world: FaultWorld;
  let redis: TestRedis;
  let env: TestEnvironment;
  let tenant: TestTenant;
  const connections: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    world = await startFaultWorld({ LIVE_OUTAGE_GRACE: '2s' });
    ({ redis, env, tenant } = world);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await world?.stop();
  }, 120_000);

  it('ingest keeps storing, live views end resumable, and after the restart resuming with since misses nothing', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'redis-01', hostname: 'redis-01' },
    });
    const start = Date.now() - 300_000;
    const collector = new TrickleClient(env.gatewayUrl, registerCollector.apiKey, start);
    const live = () => {
      const connection = connectLive(env.gatewayUrl, tenant.session.accessToken);
      connections.push(connection);
      return connection;
    };
    const sub = live().subscribe(LivePointsLeanDocument, {
      collectorIds: [registerCollector.collector.id],
      since: new Date(start - 1).toISOString(),
    });
    for (let i = 0; i < 3; i += 1) await collector.tick();
    await sub.until((d) => d.length >= 3, 15_000);

    await redis.stop();
    // Ingest through the gateway with the API key still stores (the publish is what fails).
    for (let i = 0; i < 3; i += 1) {
      await collector.tick();
      await sleep(100);
    }
    expect(await sub.end(15_000)).toBe('error');
    const failure = sub.errors[0]!;
    expect(failure.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, resumeFrom: expect.any(String) });
    expect(await healthStatuses(env)).toEqual(new Array(1 + Object.keys(env.subgraphUrls).length).fill(200));

    await redis.start();
    await eventually(() => collector.flush(), 20_000, 'spool drained');
    for (let i = 0; i < 3; i += 1) await collector.tick();

    // Resuming from where the failed view stopped: every point once, no gap.
    const resumed = live().subscribe(LivePointsLeanDocument, {
      collectorIds: [registerCollector.collector.id],
      since: failure.extensions!.resumeFrom as string,
    });
    await resumed.until((d) => valuesOf(d).includes(8), 20_000);
    const seen = [...valuesOf(sub.data), ...valuesOf(resumed.data)];
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(valuesOf(resumed.data)).toEqual([...new Set(valuesOf(resumed.data))]);

    // A brand-new live view (no since) works again: it sees the next point live.
    const fresh = live().subscribe(LivePointsLeanDocument, { collectorIds: [registerCollector.collector.id] });
    await eventually(
      async () => {
        await collector.tick();
        return fresh.data.length > 0;
      },
      15_000,
      'a fresh subscription receives live points',
    );
    expect(fresh.errors).toEqual([]);

    // Stored exactly once each; ingest never failed with anything but a typed, retryable answer.
    expect(collector.spooled).toBe(0);
    for (const f of collector.failures) expect(f).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const { rows } = await env.runtime.db.pool.query(
      `SELECT count(*)::int n, count(DISTINCT mem_used_mb)::int d FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1`,
      [registerCollector.collector.id],
    );
    expect(rows[0]).toEqual({ n: collector.sent, d: collector.sent });
    expect(collector.accepted).toBe(collector.sent);
    expect(await healthStatuses(env)).toEqual(new Array(1 + Object.keys(env.subgraphUrls).length).fill(200));
  }, 90_000);
});
