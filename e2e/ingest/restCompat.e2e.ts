import { maintainPartitions } from '@perfanalysis/subgraph-metrics';
import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { recentCsv } from './uploadFiles.js';

describe('REST compatibility endpoints and retention', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;
  let collectorId: string;
  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'legacy-01', hostname: 'legacy-01' },
    });
    apiKey = registerCollector.apiKey;
    collectorId = registerCollector.collector.id;
  });
  afterAll(() => env?.stop());

  const api = (path: string) => new URL(path, env.gatewayUrl).toString();
  const count = async () =>
    (
      await env.runtime.db.pool.query<{ n: number }>(
        `SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1`,
        [collectorId],
      )
    ).rows[0]!.n;

  it('POST /api/v1/performance/upload stores a multipart file (machine_id field, no CSV column)', async () => {
    const form = new FormData();
    form.set('machine_id', 'legacy-01');
    form.set(
      'file',
      new Blob([
        recentCsv('legacy-01', 10)
          .replace(/,legacy-01,/g, ',')
          .replace('machine_id,', ''),
      ]),
      'old-agent.csv',
    );
    const response = await fetch(api('/api/v1/performance/upload'), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      rows_processed: 10,
      duplicates_skipped: 0,
      machines: ['legacy-01'],
      // The seed's answer, alongside.
      status: 'success',
      records_processed: 10,
      data_range: { start: expect.any(String), end: expect.any(String) },
    });
  });

  it('POST /api/v1/performance/upload answers typed errors as JSON', async () => {
    const form = new FormData();
    form.set('file', new Blob(['timestamp,cpu_user\n1,2\n']), 'bad.csv');
    const response = await fetch(api('/api/v1/performance/upload'), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('INVALID_CSV_FORMAT');
    expect(body).toMatchObject({
      status: 'error',
      error_code: 'INVALID_CSV_FORMAT',
      details: { found_columns: ['timestamp', 'cpu_user'], missing_columns: expect.arrayContaining(['cpu_system', 'cpu_idle']) },
    });
    const anonymous = await fetch(api('/api/v1/performance/upload'), { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
  });

  it('POST /api/trickle/ingest/ stores snake_case points with the collector key', async () => {
    const before = await count();
    const points = [0, 1, 2].map((i) => ({
      timestamp: new Date(Date.now() - 5_000 + i * 1000).toISOString(),
      cpu_user: 5,
      cpu_system: 1,
      cpu_idle: 94,
    }));
    const response = await fetch(api('/api/trickle/ingest/'), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(await count()).toBe(before + 3);
    const asUser = await fetch(api('/api/trickle/ingest/'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.session.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points }),
    });
    expect(asUser.status).toBe(401);
  });

  it('drops whole monthly partitions past the tenant retention and keeps the current ones', async () => {
    const schema = `"tenant_${tenant.slug}"`;
    const old = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 15));
    await env.runtime.db.pool.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.metric_points_y${old.getUTCFullYear()}m01 PARTITION OF ${schema}.metric_points
         FOR VALUES FROM ('${old.getUTCFullYear()}-01-01') TO ('${old.getUTCFullYear()}-02-01')`,
    );
    await env.runtime.db.pool.query(`INSERT INTO ${schema}.metric_points (collector_id, ts, cpu_user) VALUES ($1, $2, 1)`, [
      collectorId,
      old,
    ]);
    const before = await count();
    const dropped = await maintainPartitions(env.runtime);
    expect(dropped).toContain(`${schema}."metric_points_y${old.getUTCFullYear()}m01"`);
    expect(await count()).toBe(before - 1);
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT count(*)::int n FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
        WHERE n.nspname = $1 AND p.relname = 'metric_points'`,
      [`tenant_${tenant.slug}`],
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
