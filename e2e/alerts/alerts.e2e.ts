import {
  ActiveAlertsDocument,
  AlertEventsDocument,
  AlertHistoryDocument,
  AcknowledgeAlertDocument,
  CreateAlertRuleDocument,
  CreateAlertWebhookDocument,
  type MetricPointInput,
  ReportDocument,
  TestAlertWebhookDocument,
  WebhookDeliveriesDocument,
} from '@perfanalysis/sdk';
import {
  connectLive,
  createTestEnvironment,
  newTenant,
  redisAvailable,
  type LiveConnection,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { registerCollector, trickle, type TestCollector } from '../live/liveWorld.js';
import { type Evaluator, eventually, type Receiver, sleep, startEvaluator, startReceiver } from './alertsWorld.js';

const SECRET = 'e2e-webhook-secret-0123456789';

/** A point at `at` (epoch ms) with cpu_user = `cpu`. */
const cpuPoint = (at: number, cpu: number): MetricPointInput => ({ timestamp: new Date(at).toISOString(), cpuUser: cpu, cpuSystem: 1 });

/** `count` whole-second instants from `start`. */
const seconds = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i * 1000);

describe('alerts: threshold rules on the live stream, through the gateway', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let web: TestCollector;
  let db: TestCollector;
  let receiver: Receiver;
  let live: LiveConnection;
  const evaluators: Evaluator[] = [];

  beforeAll(async () => {
    // Evaluators in other runtimes hear the points only through Redis: never skip that.
    expect(redisAvailable()).toBe(true);
    env = await createTestEnvironment({
      env: { ALERTS_WORKERS: 'false', ALERTS_WEBHOOK_ALLOW_PRIVATE: 'true', ALERTS_SWEEP: '200ms', ALERTS_WEBHOOK_BACKOFF: '1s' },
    });
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
    db = await registerCollector(tenant, 'db-01');
    receiver = await startReceiver(SECRET, (n) => (n === 1 ? 503 : 204));
    live = connectLive(env.gatewayUrl, tenant.session.accessToken);
  });

  afterAll(async () => {
    await live?.close();
    await Promise.all(evaluators.map((e) => e.stop()));
    await receiver?.close();
    await env?.stop();
  });

  it('registers a localhost webhook (allowed by configuration) and test-sends a signed body', async () => {
    const { createAlertWebhook } = await tenant.client.request(CreateAlertWebhookDocument, {
      input: { url: receiver.url, secret: SECRET },
    });
    expect(createAlertWebhook.secret).toBe(SECRET);
    // The receiver answers its first request with 503: the test delivery stays PENDING, is retried with back-off.
    evaluators.push(await startEvaluator(env));
    const { testAlertWebhook } = await tenant.client.request(TestAlertWebhookDocument, { id: createAlertWebhook.webhook.id });
    expect(testAlertWebhook).toMatchObject({ event: 'TEST', status: 'PENDING', attempts: 1, lastStatusCode: 503 });
    await receiver.until((r) => r.length >= 2);
    expect(receiver.accepted('TEST')).toHaveLength(1);
    expect(receiver.received.every((r) => r.validSignature)).toBe(true);
    const { webhookDeliveries } = await tenant.client.request(WebhookDeliveriesDocument, {});
    expect(webhookDeliveries[0]).toMatchObject({ event: 'TEST', status: 'DELIVERED', attempts: 2, lastStatusCode: 204 });
    await evaluators.pop()!.stop();
  });

  it('fires "cpu above 90 for 5 s" once across an evaluator restart, notifies subscriber and webhook once, and resolves', async () => {
    const { createAlertRule: rule } = await tenant.client.request(CreateAlertRuleDocument, {
      input: {
        name: 'cpu high',
        metric: 'cpu_user',
        collectorIds: [web.id],
        kind: 'THRESHOLD',
        op: 'GT',
        threshold: 90,
        forSeconds: 5,
        severity: 'CRITICAL',
        summary: 'CPU {{value}}% on {{collector}}',
      },
    });
    expect(rule).toMatchObject({ metric: 'cpu_user', forSeconds: 5, collectors: [{ id: web.id }] });
    const events = live.subscribe(AlertEventsDocument);
    await sleep(500);
    let evaluator = await startEvaluator(env);
    evaluators.push(evaluator);

    const start = Math.floor(Date.now() / 1000) * 1000 - 120_000;
    await trickle(
      env,
      web,
      seconds(start, 3).map((t) => cpuPoint(t, 40)),
    );
    // Over 90 from start+3 s: pending at once, firing once it held for 5 s (at start+8 s).
    await trickle(
      env,
      web,
      seconds(start + 3_000, 3).map((t) => cpuPoint(t, 95)),
    );
    const pending = await eventually(
      async () => (await tenant.client.request(ActiveAlertsDocument, {})).activeAlerts[0],
      10_000,
      'pending',
    );
    expect(pending).toMatchObject({ status: 'PENDING', firedAt: null });

    // The evaluator restarts while the alert is pending: its state is in PostgreSQL, and the
    // points stored while no evaluator listened are caught up from storage when one is back.
    await evaluator.stop();
    evaluators.splice(evaluators.indexOf(evaluator), 1);
    await trickle(
      env,
      web,
      seconds(start + 6_000, 3).map((t) => cpuPoint(t, 97)),
    );
    evaluator = await startEvaluator(env);
    evaluators.push(evaluator);

    const firing = await events.until((d) => d.some((e) => e.alertEvents.event === 'FIRING'), 15_000);
    const fired = firing.find((e) => e.alertEvents.event === 'FIRING')!.alertEvents;
    expect(fired).toMatchObject({ ruleId: rule.id, severity: 'CRITICAL', value: 97, collector: { id: web.id }, silenced: false });
    expect(fired.at).toBe(new Date(start + 8_000).toISOString());
    expect(fired.summary).toBe('CPU 97% on web-01.example.test');

    await receiver.until((r) => r.some((x) => x.json.event === 'FIRING'));
    await trickle(
      env,
      web,
      seconds(start + 9_000, 3).map((t) => cpuPoint(t, 97)),
    );
    // Restart again after firing: nothing is sent twice (the outbox row is DELIVERED).
    await evaluator.stop();
    evaluators.splice(evaluators.indexOf(evaluator), 1);
    evaluators.push(await startEvaluator(env));

    await trickle(
      env,
      web,
      seconds(start + 12_000, 3).map((t) => cpuPoint(t, 20)),
    );
    await events.until((d) => d.some((e) => e.alertEvents.event === 'RESOLVED'), 15_000);
    await receiver.until((r) => r.some((x) => x.json.event === 'RESOLVED'));
    await sleep(1_500);

    const alertId = fired.alertId!;
    expect(receiver.accepted('FIRING', alertId)).toHaveLength(1);
    expect(receiver.accepted('RESOLVED', alertId)).toHaveLength(1);
    expect(receiver.received.every((r) => r.validSignature)).toBe(true);
    expect(receiver.accepted('FIRING', alertId)[0]!.json).toMatchObject({ tenant: tenant.slug, ruleName: 'cpu high', value: 97 });
    expect(events.data.filter((e) => e.alertEvents.alertId === alertId && e.alertEvents.event === 'FIRING')).toHaveLength(1);
    expect(events.data.filter((e) => e.alertEvents.alertId === alertId && e.alertEvents.event === 'RESOLVED')).toHaveLength(1);

    expect((await tenant.client.request(ActiveAlertsDocument, {})).activeAlerts).toEqual([]);
    const { alertHistory } = await tenant.client.request(AlertHistoryDocument, {
      from: new Date(start).toISOString(),
      to: new Date(start + 60_000).toISOString(),
    });
    expect(alertHistory).toHaveLength(1);
    expect(alertHistory[0]).toMatchObject({
      id: alertId,
      status: 'RESOLVED',
      pendingAt: new Date(start + 3_000).toISOString(),
      firedAt: new Date(start + 8_000).toISOString(),
      resolvedAt: new Date(start + 12_000).toISOString(),
      firedValue: 97,
      resolvedValue: 20,
    });
    const { acknowledgeAlert } = await tenant.client.request(AcknowledgeAlertDocument, { id: alertId });
    expect(acknowledgeAlert.acknowledgedAt).not.toBeNull();

    // The report of the window lists the alert (read from the tenant's alerts table).
    const { report } = await tenant.client.request(ReportDocument, {
      collectorId: web.id,
      from: new Date(start).toISOString(),
      to: new Date(start + 60_000).toISOString(),
      sections: ['SUMMARY', 'ALERTS'],
    });
    const html = await (await fetch(new URL(report.downloadUrl, env.gatewayUrl))).text();
    expect(html).toContain('1 alert in this window');
    expect(html).toContain('cpu high');
    expect(html).toContain('CPU 97% on web-01.example.test');
  });

  it('with two evaluators each point counts once: one FIRING and one RESOLVED notification', async () => {
    while (evaluators.length < 2) evaluators.push(await startEvaluator(env));
    const { createAlertRule: rule } = await tenant.client.request(CreateAlertRuleDocument, {
      input: { name: 'db load', metric: 'load_1min', collectorIds: [db.id], kind: 'THRESHOLD', op: 'GTE', threshold: 8, forSeconds: 2 },
    });
    // Both evaluators follow the new rule's collector once they refreshed (pub/sub notice, or the periodic refresh).
    const events = live.subscribe(AlertEventsDocument);
    await sleep(1_500);
    const start = Math.floor(Date.now() / 1000) * 1000 - 90_000;
    const loadPoint = (t: number, load: number): MetricPointInput => ({ ...cpuPoint(t, 10), load1min: load });
    for (const t of seconds(start, 5)) await trickle(env, db, [loadPoint(t, 9)]);
    for (const t of seconds(start + 5_000, 3)) await trickle(env, db, [loadPoint(t, 1)]);
    await events.until((d) => d.some((e) => e.alertEvents.ruleId === rule.id && e.alertEvents.event === 'RESOLVED'), 15_000);
    await receiver.until((r) => r.some((x) => x.json.ruleId === rule.id && x.json.event === 'RESOLVED'));
    await sleep(1_500);
    const ofRule = (event: string) => receiver.received.filter((r) => r.json.ruleId === rule.id && r.json.event === event);
    expect(ofRule('FIRING')).toHaveLength(1);
    expect(ofRule('RESOLVED')).toHaveLength(1);
    const steps = events.data.filter((e) => e.alertEvents.ruleId === rule.id).map((e) => e.alertEvents.event);
    expect(steps).toEqual(['PENDING', 'FIRING', 'RESOLVED']);
  });
});
