import { CollectorsOverviewDocument, GraphQLRequestError, RegisterCollectorDocument, SeriesDocument } from '@perfanalysis/sdk';
import type { TestEnvironment, TestPostgres, TestTenant } from '@perfanalysis/testenv';
import { eventually, type FaultWorld, healthStatuses, sleep, startFaultWorld, TrickleClient } from './faultWorld.js';

/** What a failed read answered (never thrown: the test inspects it). */
async function failureOf(call: Promise<unknown>): Promise<{ status: number; code?: string } | 'ok'> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof GraphQLRequestError) return { status: error.status, code: error.code };
    return { status: 0, code: `NETWORK ${(error as Error).message}` };
  }
}

describe('PostgreSQL stopped and restarted under trickle traffic', () => {
  let world: FaultWorld;
  let postgres: TestPostgres;
  let env: TestEnvironment;
  let tenant: TestTenant;

  beforeAll(async () => {
    world = await startFaultWorld();
    ({ postgres, env, tenant } = world);
  }, 60_000);

  const allHealthy = () => new Array(1 + Object.keys(env.subgraphUrls).length).fill(200);

  afterAll(() => world?.stop(), 120_000);

  it('ingest answers a typed retryable SERVICE_UNAVAILABLE (never a 500), reads fail clearly, and after the restart every point is stored exactly once', async () => {
    const collectors = await Promise.all(
      ['pg-01', 'pg-02', 'pg-03'].map(async (machineId) => {
        const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
        return {
          id: registerCollector.collector.id,
          client: new TrickleClient(env.gatewayUrl, registerCollector.apiKey, Date.now() - 600_000),
        };
      }),
    );
    const clients = collectors.map((c) => c.client);
    const tickAll = () => Promise.all(clients.map((c) => c.tick()));

    // Trickle before, during and after the outage (one tick ≈ one point per collector).
    for (let i = 0; i < 5; i += 1) await tickAll();
    expect(clients.every((c) => c.failures.length === 0)).toBe(true);

    await postgres.stop('fast');
    for (let i = 0; i < 5; i += 1) {
      await tickAll();
      await sleep(100);
    }
    const series = tenant.client.request(SeriesDocument, {
      collectorId: collectors[0]!.id,
      group: 'CPU',
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date().toISOString(),
    });
    const readFailures = [await failureOf(series), await failureOf(tenant.client.request(CollectorsOverviewDocument))];
    // Every service is still serving while its database is away.
    expect(await healthStatuses(env)).toEqual(allHealthy());
    const notReady = await fetch(new URL('/readyz', env.gatewayUrl));
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { checks: Record<string, string> }).checks.postgres).not.toBe('ok');

    await postgres.start();
    // No service is restarted: the pools reconnect by themselves; the clients replay their spools.
    await eventually(async () => (await Promise.all(clients.map((c) => c.flush()))).every(Boolean), 30_000, 'spools drained');
    for (let i = 0; i < 5; i += 1) await tickAll();

    const failures = clients.flatMap((c) => c.failures);
    expect(failures.length).toBeGreaterThan(0);
    // Each failed ingest is typed SERVICE_UNAVAILABLE, never a 500 or an untyped error. Two shapes today:
    // the gateway's own credential lookup answers HTTP 503; a failure inside the metrics subgraph arrives
    // as a GraphQL error (HTTP 200) flagged `retryable` (the gateway does not lift it to 503).
    for (const failure of failures) {
      expect(failure.code).toBe('SERVICE_UNAVAILABLE');
      expect([200, 503]).toContain(failure.status);
      if (failure.status === 200) expect(failure.retryable).toBe(true);
    }
    for (const failure of readFailures) expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    for (const failure of readFailures) expect(failure).not.toMatchObject({ status: 500 });

    // Exactly what was sent, once each: acknowledged by the server and counted in the table.
    for (const { id, client } of collectors) {
      expect(client.spooled).toBe(0);
      expect(client.accepted + client.duplicates).toBe(client.sent);
      const { rows } = await env.runtime.db.pool.query(
        `SELECT count(*)::int n, count(DISTINCT mem_used_mb)::int distinct_values FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ n: client.sent, distinct_values: client.sent });
    }
    await eventually(async () => (await fetch(new URL('/readyz', env.gatewayUrl))).status === 200, 15_000, 'gateway ready again');
    expect(await healthStatuses(env)).toEqual(allHealthy());
    // Reads work again without any restart.
    await expect(tenant.client.request(CollectorsOverviewDocument)).resolves.toMatchObject({ collectors: expect.any(Array) });
  }, 90_000);
});
