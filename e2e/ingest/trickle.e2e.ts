import { CollectorsOverviewDocument, RegisterCollectorDocument, RevokeApiKeysDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { bindTenant } from '@perfanalysis/platform';
import { rollUpTenant } from '@perfanalysis/subgraph-metrics';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';

describe('trickle ingest with a collector API key', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;
  let collectorId: string;
  const points = (start: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      timestamp: new Date(start + i * 1000).toISOString(),
      cpuUser: 10 + i,
      cpuSystem: 5,
      cpuIdle: 85 - i,
      memUsedMb: 2048,
      devices: [{ kind: 'DISK' as const, device: 'sda', diskReadMb: 1.5 }],
    }));

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'agent-01', hostname: 'agent-01' },
    });
    apiKey = registerCollector.apiKey;
    collectorId = registerCollector.collector.id;
  });
  afterAll(() => env?.stop());

  it('stores a batch, acknowledges it, and counts a replay as duplicates', async () => {
    const start = Date.now() - 30_000;
    const first = await clientFor(env, apiKey).request(TricklePointsDocument, { points: points(start, 10) });
    expect(first.tricklePoints).toMatchObject({ accepted: 10, duplicates: 0 });
    const replay = await clientFor(env, apiKey).request(TricklePointsDocument, { points: points(start + 5_000, 10) });
    expect(replay.tricklePoints).toMatchObject({ accepted: 5, duplicates: 5 });
    const { collectors } = await tenant.client.request(CollectorsOverviewDocument);
    expect(collectors[0]!.latestPoint).toMatchObject({ cpuUser: 19, memUsedMb: 2048 });
    expect(collectors[0]!.status).toBe('LIVE');
    const { rows } = await env.runtime.db.pool.query(
      `SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_device_points WHERE collector_id = $1`,
      [collectorId],
    );
    expect(rows[0].n).toBe(15);
    // Points this recent are past the rollup watermark until a round folds them in (docs/ingest.md, "Rollups").
    await rollUpTenant(bindTenant(env.runtime.db.pool, tenant.slug), { untilMs: Date.now() + 60_000, wait: true });
    const rollup = await env.runtime.db.pool.query(
      `SELECT sum(n)::int n FROM "tenant_${tenant.slug}".metric_rollup_1m WHERE collector_id = $1`,
      [collectorId],
    );
    expect(rollup.rows[0].n).toBe(15);
  });

  it('keeps last seen up with a point sent inside the write period (written when the period ends, not dropped)', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'seen-01', hostname: 'seen-01' },
    });
    const agent = clientFor(env, registerCollector.apiKey);
    const lastSeen = async () =>
      (await tenant.client.request(CollectorsOverviewDocument)).collectors.find((c) => c.id === registerCollector.collector.id)!.lastSeen;
    const first = Date.now() - 2_000;
    await agent.request(TricklePointsDocument, { points: points(first, 1) });
    const second = Date.now() - 500;
    await agent.request(TricklePointsDocument, { points: points(second, 1) });
    expect(await lastSeen()).toBe(new Date(first).toISOString());
    // Written once the first write's period (5 s) ends; nothing else is sent meanwhile.
    const deadline = Date.now() + 15_000;
    while ((await lastSeen()) !== new Date(second).toISOString() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await lastSeen()).toBe(new Date(second).toISOString());
  });

  it('refuses users, bad values and the future with typed errors', async () => {
    await expect(tenant.client.request(TricklePointsDocument, { points: points(Date.now() - 5_000, 1) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const bad = [{ timestamp: new Date().toISOString(), cpuUser: 250, cpuSystem: 1, cpuIdle: 1 }];
    await expect(clientFor(env, apiKey).request(TricklePointsDocument, { points: bad })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      clientFor(env, apiKey).request(TricklePointsDocument, { points: points(Date.now() + 3_600_000, 1) }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('stops a revoked key within a second', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'agent-02', hostname: 'agent-02' },
    });
    await clientFor(env, registerCollector.apiKey).request(TricklePointsDocument, { points: points(Date.now() - 2_000, 1) });
    await tenant.client.request(RevokeApiKeysDocument, { collectorId: registerCollector.collector.id });
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(
      clientFor(env, registerCollector.apiKey).request(TricklePointsDocument, { points: points(Date.now() - 1_000, 1) }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
