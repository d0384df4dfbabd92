import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { importApiKey, poolStatement } from '@perfanalysis/subgraph-collectors';
import { createTestEnvironment, newTenant, setRetentionDays, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { collection, INTERVAL_S, type Measurement, sample } from './pccCollection.js';

/** A pcc-speaking client: pcd's paths, its `apikey` header, raw JSON bodies as curl sends them. */
function pccClient(env: TestEnvironment, apikey: string) {
  const url = (path: string) => new URL(path, env.gatewayUrl).toString();
  const post = (path: string, body: string, type = 'application/json') =>
    fetch(url(path), { method: 'POST', headers: { apikey, 'content-type': type }, body });
  return {
    trickle: (identifier: string, measurements: Measurement[]) => post('/v1/trickle', JSON.stringify({ identifier, measurements })),
    upload: (body: string, query = '') => post(`/v1/upload${query}`, body, 'application/x-ndjson'),
  };
}

interface Fleet {
  readonly tenant: TestTenant;
  readonly collectorId: string;
  readonly machine: string;
  readonly pcdKey: string;
}

describe('pcc/pcd compatibility through the gateway', () => {
  let env: TestEnvironment;
  let a: Fleet;
  let b: Fleet;

  async function fleet(machine: string, pcdKey: string): Promise<Fleet> {
    const tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: machine, hostname: machine },
    });
    await importApiKey(poolStatement(env.runtime.db.pool), tenant.id, registerCollector.collector.id, pcdKey);
    return { tenant, collectorId: registerCollector.collector.id, machine, pcdKey };
  }

  const points = async (f: Fleet) =>
    (
      await env.runtime.db.pool.query<{ ts: Date; cpu_user: number; net_rx_mb: number; mem_total_mb: number | null }>(
        `SELECT ts, cpu_user, net_rx_mb, mem_total_mb FROM "tenant_${f.tenant.slug}".metric_points WHERE collector_id = $1 ORDER BY ts`,
        [f.collectorId],
      )
    ).rows;

  beforeAll(async () => {
    env = await createTestEnvironment();
    a = await fleet('pcc-host-a', 'pcd-key-of-fleet-a');
    b = await fleet('pcc-host-b', 'pcd-key-of-fleet-b');
  });
  afterAll(() => env?.stop());

  it('refuses a pcd key already imported, in the same tenant or another', async () => {
    for (const f of [a, b])
      await expect(importApiKey(poolStatement(env.runtime.db.pool), f.tenant.id, f.collectorId, b.pcdKey)).rejects.toMatchObject({
        code: 'CONFLICT',
        extensions: { field: 'key' },
      });
  });

  it('answers ping and version as pcd did', async () => {
    expect(await (await fetch(new URL('/v1/ping', env.gatewayUrl))).text()).toBe('pong');
    const pong = await fetch(new URL('/v1/ping', env.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"timestamp": 1700000000}',
    });
    const body = (await pong.json()) as { origintimestamp: number; timestamp: number };
    expect(body.origintimestamp).toBe(1700000000);
    expect(Math.abs(body.timestamp - Date.now() / 1000)).toBeLessThan(3600);
    expect(await (await fetch(new URL('/v1/version', env.gatewayUrl))).json()).toMatchObject({ version: expect.any(String) });
  });

  it('stores trickled rounds with the imported key, rates computed across requests (state in PostgreSQL)', async () => {
    const client = pccClient(env, a.pcdKey);
    const start = Math.floor(Date.now() / 1000) - 300;
    for (let i = 0; i < 3; i++) {
      const response = await client.trickle(a.machine, sample(i, start + i * INTERVAL_S));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
    }
    const stored = await points(a);
    // The first round only primes; each later one is a point with the agent's rates.
    expect(stored).toHaveLength(2);
    for (const p of stored) expect(p.cpu_user).toBeCloseTo(30, 3);
    // A replayed round (pcc retrying after a lost answer) is skipped, never a second rate.
    expect((await client.trickle(a.machine, sample(2, start + 2 * INTERVAL_S))).status).toBe(200);
    expect(await points(a)).toHaveLength(2);
  });

  it('loads a months-old collection file all at once: counter wrap, a CPU coming online, a missing subsystem', async () => {
    const before = (await points(a)).length;
    const start = Math.floor(Date.now() / 1000) - 60 * 86_400;
    const response = await pccClient(env, a.pcdKey).upload(collection(start, 6));
    const body = (await response.json()) as { rows_processed: number; ignored_subsystems: string[] };
    expect(response.status).toBe(200);
    expect(body.rows_processed).toBe(5);
    expect(body.ignored_subsystems.sort()).toEqual(['/proc/cpuinfo', 'container/docker/0123456789ab', 'statfs[*]']);
    const loaded = (await points(a)).slice(0, 5);
    expect((await points(a)).length).toBe(before + 5);
    for (const p of loaded) expect(p.cpu_user).toBeCloseTo(30, 3);
    // Every interval moved the same bytes, across the 32-bit wrap too.
    expect(new Set(loaded.map((p) => p.net_rx_mb.toFixed(3))).size).toBe(1);
    // Sample 4 had no meminfo: that point has no memory columns, the others do.
    expect(loaded.map((p) => p.mem_total_mb === null)).toEqual([false, false, false, true, false]);
  });

  it('refuses a bad or cut-off collection with a typed error naming the line, storing nothing', async () => {
    const before = (await points(a)).length;
    const start = Math.floor(Date.now() / 1000) - 40 * 86_400;
    const lines = collection(start, 4).split('\n');
    lines[9] = '{"timestamp": 1, "subsystem": "/proc/stat", "measurement": ';
    const bad = await pccClient(env, a.pcdKey).upload(lines.join('\n'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_VALUE', line: 10 });
    const text = collection(start, 4);
    const cut = await pccClient(env, a.pcdKey).upload(text.slice(0, Math.floor(text.length * 0.7)));
    expect(cut.status).toBe(400);
    expect(await cut.json()).toMatchObject({ code: 'INVALID_VALUE' });
    expect(await points(a)).toHaveLength(before);
  });

  it("refuses an upload older than the tenant's retention, naming it", async () => {
    await setRetentionDays(env, b.tenant, 30);
    const response = await pccClient(env, b.pcdKey).upload(collection(Math.floor(Date.now() / 1000) - 60 * 86_400, 3));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_VALUE', retentionDays: 30 });
    expect(await points(b)).toHaveLength(0);
  });

  it("tenant B's key can neither write nor read tenant A's collector", async () => {
    const before = (await points(a)).length;
    const asB = pccClient(env, b.pcdKey);
    const now = Math.floor(Date.now() / 1000);
    const trickled = await asB.trickle(a.machine, sample(0, now));
    expect(trickled.status).toBe(403);
    expect(await trickled.json()).toMatchObject({ code: 'FORBIDDEN' });
    const uploaded = await asB.upload(collection(now - 600, 3), `?identifier=${a.machine}`);
    expect(uploaded.status).toBe(403);
    expect(await points(a)).toHaveLength(before);
    const read = await fetch(new URL(`/api/v1/performance/export?machine_id=${a.machine}&format=json`, env.gatewayUrl), {
      headers: { apikey: b.pcdKey, authorization: `Bearer ${b.tenant.session.accessToken}` },
    });
    expect(read.status).toBeGreaterThanOrEqual(400);
    expect(await read.text()).not.toContain('cpu_user');
  });

  it('refuses unknown keys', async () => {
    const response = await pccClient(env, 'not-an-imported-key').trickle(a.machine, sample(0, Math.floor(Date.now() / 1000)));
    expect(response.status).toBe(401);
  });
});
