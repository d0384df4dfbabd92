import {
  AlertSilencesDocument,
  RegisterCollectorDocument,
  SilenceAlertsDocument,
  TricklePointsDocument,
  UploadMetricsDocument,
  uploadRequest,
} from '@perfanalysis/sdk';
import {
  afterTenantChange,
  clientFor,
  createTestEnvironment,
  newTenantWithCollector,
  setRetentionDays,
  TEST_REDIS_CLUSTER,
  TEST_REDIS_URL,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileOf, recentCsv } from './uploadFiles.js';

interface ErrorBody {
  errors: { extensions: { code: string; field?: string } }[];
}

const ADMIN_CLI = path.resolve(__dirname, '../../launcher/dist/admin.js');

/** The same rules on every way in: body size, retention, comment length, machine caches. */
describe('ingest consistency', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;
  beforeAll(async () => {
    env = await createTestEnvironment();
    ({ tenant, apiKey } = await newTenantWithCollector(env, 'steady-01'));
  });
  afterAll(() => env?.stop());

  const restTrickle = (body: string) =>
    fetch(new URL('/api/trickle/ingest/', env.gatewayUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body,
    });
  // As the operator sets it, announced on `tenant-changed` (docs/ingest.md "Tenant settings").
  const retainDays = (days: number) => setRetentionDays(env, tenant, days);
  const recentPoint = () => [{ timestamp: new Date(Date.now() - 10_000).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98 }];

  it('caps a REST trickle body at 1 MiB, like /graphql', async () => {
    const point = { timestamp: new Date(Date.now() - 10_000).toISOString(), cpu_user: 1, cpu_system: 1, cpu_idle: 98 };
    const body = JSON.stringify({ points: [point], padding: 'x'.repeat(1024 * 1024 + 1) });
    const response = await restTrickle(body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await restTrickle(JSON.stringify({ points: [point] }))).status).toBe(200);
  });

  it('refuses points older than the tenant retention at once after it changes, on GraphQL and REST trickle alike', async () => {
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    // Metrics has the 90 days in its cache when the change comes.
    await clientFor(env, apiKey).request(TricklePointsDocument, { points: recentPoint() });
    await retainDays(1);
    try {
      const old = [{ timestamp: new Date(twoDaysAgo).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98 }];
      await expect(clientFor(env, apiKey).request(TricklePointsDocument, { points: old })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      const rest = await restTrickle(JSON.stringify([{ timestamp: old[0]!.timestamp, cpu_user: 1 }]));
      expect(rest.status).toBe(400);
      expect(((await rest.json()) as ErrorBody).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      const { rows } = await env.runtime.db.pool.query<{ n: number }>(
        `SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points WHERE ts < now() - interval '1 day'`,
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await retainDays(90);
    }
  });

  it('refuses an upload older than the tenant retention at once after it changes', async () => {
    const upload = (name: string, startMs?: number) =>
      uploadRequest(
        { url: env.gatewayUrl, token: tenant.session.accessToken },
        UploadMetricsDocument,
        {},
        fileOf(name, recentCsv('steady-01', 3, startMs)),
      );
    const threeDaysAgo = Date.now() - 3 * 86_400_000;
    // Accepted with the 90 days, which metrics then has in its cache.
    await expect(upload('three-days.csv', threeDaysAgo)).resolves.toMatchObject({ uploadMetrics: { rowsProcessed: 3 } });
    await retainDays(2);
    try {
      await expect(upload('three-days-again.csv', threeDaysAgo + 60_000)).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    } finally {
      await retainDays(90);
    }
    await expect(upload('three-days-later.csv', threeDaysAgo + 60_000)).resolves.toMatchObject({ uploadMetrics: { rowsProcessed: 3 } });
  });

  it("applies the operator's set-retention at once too", async () => {
    // `npm run admin` against the environment's database and Redis: it announces like the API does.
    const setRetention = (days: number) =>
      afterTenantChange(env, tenant.id, () =>
        promisify(execFile)(process.execPath, [ADMIN_CLI, 'set-retention', tenant.slug, String(days)], {
          env: {
            ...process.env,
            NODE_ENV: 'test',
            LOG_LEVEL: 'silent',
            DATABASE_URL: env.databaseUrl,
            REDIS_URL: TEST_REDIS_URL,
            REDIS_PREFIX: env.redisPrefix,
            REDIS_CLUSTER: String(TEST_REDIS_CLUSTER),
          },
        }),
      );
    const twoDaysAgo = [{ timestamp: new Date(Date.now() - 2 * 86_400_000).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98 }];
    await clientFor(env, apiKey).request(TricklePointsDocument, { points: recentPoint() });
    await setRetention(1);
    try {
      await expect(clientFor(env, apiKey).request(TricklePointsDocument, { points: twoDaysAgo })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    } finally {
      await setRetention(90);
    }
  });

  it("keeps a tenant's retention when another tenant's changes", async () => {
    // That the announcement drops only the named tenant's cache entry is a unit test on a fake
    // clock (tenantRetention.test.ts); here, with no clock deciding, the other tenant's change
    // must not reach this one.
    const other = await newTenantWithCollector(env, 'steady-02');
    const twoDaysAgo = [{ timestamp: new Date(Date.now() - 2 * 86_400_000).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98 }];
    await clientFor(env, apiKey).request(TricklePointsDocument, { points: recentPoint() });
    try {
      await setRetentionDays(env, other.tenant, 1);
      await expect(clientFor(env, other.apiKey).request(TricklePointsDocument, { points: twoDaysAgo })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(clientFor(env, apiKey).request(TricklePointsDocument, { points: twoDaysAgo })).resolves.toBeDefined();
    } finally {
      await setRetentionDays(env, other.tenant, 90);
    }
  });

  it('refuses a silence comment over 500 characters instead of cutting it', async () => {
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    await expect(tenant.client.request(SilenceAlertsDocument, { input: { endsAt, comment: 'c'.repeat(501) } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const { alertSilences } = await tenant.client.request(AlertSilencesDocument);
    expect(alertSilences.map((s) => s.comment)).toEqual([]);
    await tenant.client.request(SilenceAlertsDocument, { input: { endsAt, comment: 'c'.repeat(500) } });
  });

  it('accepts a machine at once after it is registered, although an upload was just refused for it', async () => {
    const upload = () =>
      uploadRequest(
        { url: env.gatewayUrl, token: tenant.session.accessToken },
        UploadMetricsDocument,
        {},
        fileOf('late.csv', recentCsv('late-01', 3)),
      );
    await expect(upload()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId: 'late-01', hostname: 'late-01' } });
    await expect(upload()).resolves.toMatchObject({ uploadMetrics: { rowsProcessed: 3 } });
  });
});
