import {
  AlertSilencesDocument,
  RegisterCollectorDocument,
  SilenceAlertsDocument,
  TricklePointsDocument,
  UploadMetricsDocument,
  uploadRequest,
} from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenantWithCollector, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { fileOf, recentCsv } from './uploadFiles.js';

interface ErrorBody {
  errors: { extensions: { code: string; field?: string } }[];
}

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
  const setRetentionDays = (days: number) =>
    env.runtime.db.pool.query('UPDATE public.tenants SET retention_days = $2 WHERE id = $1', [tenant.id, days]);

  it('caps a REST trickle body at 1 MiB, like /graphql', async () => {
    const point = { timestamp: new Date(Date.now() - 10_000).toISOString(), cpu_user: 1, cpu_system: 1, cpu_idle: 98 };
    const body = JSON.stringify({ points: [point], padding: 'x'.repeat(1024 * 1024 + 1) });
    const response = await restTrickle(body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await restTrickle(JSON.stringify({ points: [point] }))).status).toBe(200);
  });

  it('refuses points older than the tenant retention, on GraphQL and REST trickle alike', async () => {
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    await setRetentionDays(1);
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
      await setRetentionDays(90);
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
