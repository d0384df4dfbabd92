import { bindTenant } from '@perfanalysis/platform';
import {
  ActiveAlertsDocument,
  AlertEventsDocument,
  AlertRulesDocument,
  AlertWebhooksDocument,
  CreateAlertRuleDocument,
  CreateAlertWebhookDocument,
  SilenceAlertsDocument,
  TestAlertWebhookDocument,
} from '@perfanalysis/sdk';
import {
  clientFor,
  connectLive,
  createTestEnvironment,
  joinTenant,
  logIn,
  newTenant,
  signUp,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { registerCollector, trickle, type TestCollector } from '../live/liveWorld.js';
import { type Receiver, sleep, startReceiver } from './alertsWorld.js';

/** The default configuration: webhook targets on internal addresses refused; workers in the alerts service. */
describe('alerts with the default configuration', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let web: TestCollector;
  let receiver: Receiver;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { ALERTS_SWEEP: '200ms' } });
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
    receiver = await startReceiver('policy-secret-0123456789');
  });

  afterAll(async () => {
    await receiver?.close();
    await env?.stop();
  });

  it.each([
    'http://127.0.0.1:9/x',
    'http://localhost:9/x',
    'http://[::1]:9/',
    'http://[::ffff:127.0.0.1]:9/',
    'http://169.254.169.254/latest',
    'http://10.1.2.3/',
    'http://[2002:7f00:1::1]/',
    'http://[2002:a9fe:a9fe::]/latest',
    'http://[2001:0:a00:1::ffff:ffff]/',
    'http://192.88.99.1/',
    'http://8.8.8.8:5432/',
    'http://8.8.8.8:0/',
  ])('refuses the webhook target %s (server-side request forgery)', async (url) => {
    const error = await tenant.client.request(CreateAlertWebhookDocument, { input: { url } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String((error as Error).message)).toMatch(/refused/);
  });

  it('lets ADMIN manage rules and webhooks, ANALYST read and silence, VIEWER see active alerts only, API keys nothing', async () => {
    const as = async (role: 'ANALYST' | 'VIEWER') => {
      const user = await signUp(env);
      await joinTenant(env, tenant, user, role);
      return clientFor(env, (await logIn(env, user, tenant.slug)).accessToken);
    };
    const [analyst, viewer, agent] = [await as('ANALYST'), await as('VIEWER'), clientFor(env, web.apiKey)];
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => 'allowed',
        (e: { code?: string }) => e.code,
      );
    const rule = { name: 'r', metric: 'cpu_user', kind: 'THRESHOLD', op: 'GT', threshold: 1 } as const;
    expect(await refusal(analyst.request(CreateAlertRuleDocument, { input: rule }))).toBe('FORBIDDEN');
    expect(await refusal(analyst.request(AlertWebhooksDocument))).toBe('FORBIDDEN');
    expect(await refusal(analyst.request(AlertRulesDocument))).toBe('allowed');
    expect(await refusal(analyst.request(SilenceAlertsDocument, { input: { endsAt: new Date(Date.now() + 60_000).toISOString() } }))).toBe(
      'allowed',
    );
    expect(await refusal(viewer.request(AlertRulesDocument))).toBe('FORBIDDEN');
    expect(await refusal(viewer.request(ActiveAlertsDocument))).toBe('allowed');
    expect(await refusal(agent.request(ActiveAlertsDocument))).toBe('FORBIDDEN');
    expect(await refusal(tenant.client.request(CreateAlertRuleDocument, { input: { ...rule, metric: 'cpu_total' } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('checks again at send time: a target that now resolves to loopback is not contacted', async () => {
    // As if the name resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding).
    const db = bindTenant(env.runtime.db.pool, tenant.slug);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO ${db.table('alert_webhooks')} (url, secret) VALUES ($1, 'policy-secret-0123456789') RETURNING id`,
      [receiver.url.replace('127.0.0.1', 'localhost')],
    );
    const { testAlertWebhook } = await tenant.client.request(TestAlertWebhookDocument, { id: rows[0]!.id });
    expect(testAlertWebhook).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
    expect(testAlertWebhook.lastError).toMatch(/internal|loopback/);
    await sleep(300);
    expect(receiver.received).toEqual([]);
    await db.query(`DELETE FROM ${db.table('alert_webhooks')} WHERE id = $1`, [rows[0]!.id]);
  });

  it('raises "collector silent" after the configured time without data, and resolves when data returns', async () => {
    const live = connectLive(env.gatewayUrl, tenant.session.accessToken);
    try {
      const events = live.subscribe(AlertEventsDocument);
      await sleep(500);
      await trickle(env, web, [{ timestamp: new Date().toISOString(), cpuUser: 5, cpuSystem: 1 }]);
      const { createAlertRule } = await tenant.client.request(CreateAlertRuleDocument, {
        input: { name: 'web silent', kind: 'SILENT', silentSeconds: 5, collectorIds: [web.id], severity: 'CRITICAL' },
      });
      await sleep(2_000);
      expect(events.data.filter((e) => e.alertEvents.ruleId === createAlertRule.id)).toEqual([]);
      const fired = await events.until((d) => d.some((e) => e.alertEvents.ruleId === createAlertRule.id), 15_000);
      expect(fired.at(-1)!.alertEvents).toMatchObject({ event: 'FIRING', collector: { id: web.id }, severity: 'CRITICAL' });
      expect(fired.at(-1)!.alertEvents.summary).toMatch(/^web-01\.example\.test sent no data for \d+ s$/);
      await trickle(env, web, [{ timestamp: new Date().toISOString(), cpuUser: 5, cpuSystem: 1 }]);
      await events.until((d) => d.some((e) => e.alertEvents.ruleId === createAlertRule.id && e.alertEvents.event === 'RESOLVED'), 10_000);
      expect(events.data.filter((e) => e.alertEvents.ruleId === createAlertRule.id).map((e) => e.alertEvents.event)).toEqual([
        'FIRING',
        'RESOLVED',
      ]);
    } finally {
      await live.close();
    }
  });
});
