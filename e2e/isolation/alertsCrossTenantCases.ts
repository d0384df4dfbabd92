import { bindTenant } from '@perfanalysis/platform';
import {
  AcknowledgeAlertDocument,
  ActiveAlertsDocument,
  AlertEventsDocument,
  AlertHistoryDocument,
  AlertRulesDocument,
  AlertWebhooksDocument,
  createClient,
  CreateAlertRuleDocument,
  DeleteAlertRuleDocument,
  SilenceAlertsDocument,
  TestAlertWebhookDocument,
  TricklePointsDocument,
  UpdateAlertRuleDocument,
  WebhookDeliveriesDocument,
} from '@perfanalysis/sdk';
import { connectLive } from '@perfanalysis/testenv';
import type { CrossTenantCase, IsolationWorld } from './crossTenantCases.js';

/** B's alerting data: a rule, a firing alert, a webhook and its deliveries. */
interface VictimAlerts {
  readonly ruleId: string;
  readonly alertId: string;
  readonly webhookId: string;
  readonly deliveryIds: string[];
}

const victims = new WeakMap<IsolationWorld, Promise<VictimAlerts>>();

/**
 * Gives B a rule, a webhook (inserted directly: the environment refuses webhook targets that do
 * not resolve to public addresses) and a firing alert (B's agent trickles until it fires).
 */
function victimAlerts(w: IsolationWorld): Promise<VictimAlerts> {
  let victim = victims.get(w);
  if (!victim) {
    victim = (async () => {
      const db = bindTenant(w.env.runtime.db.pool, w.b.slug);
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO ${db.table('alert_webhooks')} (url, secret) VALUES ('https://hooks.b-secret.example/x', 'b-secret-signing-key') RETURNING id`,
      );
      const { createAlertRule } = await w.b.client.request(CreateAlertRuleDocument, {
        input: { name: 'b-secret rule', metric: 'cpu_user', collectorIds: [w.bCollectorId], kind: 'THRESHOLD', op: 'GT', threshold: 50 },
      });
      const agent = createClient({ url: w.env.gatewayUrl, token: w.bApiKey });
      // After every point B already sent (a rule judges points in time order; older ones are skipped).
      let at = Date.now() - 2_000;
      for (let attempt = 0; attempt < 60; attempt += 1) {
        await agent.request(TricklePointsDocument, {
          points: [{ timestamp: new Date((at += 1)).toISOString(), cpuUser: 99, cpuSystem: 1 }],
        });
        await new Promise((resolve) => setTimeout(resolve, 250));
        const { activeAlerts } = await w.b.client.request(ActiveAlertsDocument);
        const firing = activeAlerts.find((a) => a.ruleId === createAlertRule.id && a.status === 'FIRING');
        if (firing) {
          const { webhookDeliveries } = await w.b.client.request(WebhookDeliveriesDocument, {});
          if (webhookDeliveries.length === 0) throw new Error("B's firing alert queued no delivery");
          return {
            ruleId: createAlertRule.id,
            alertId: firing.id,
            webhookId: rows[0]!.id,
            deliveryIds: webhookDeliveries.map((d) => d.id),
          };
        }
      }
      throw new Error("B's alert never fired");
    })();
    victims.set(w, victim);
  }
  return victim;
}

const RULE_INPUT = { name: 'pwn', metric: 'cpu_user', kind: 'THRESHOLD', op: 'GT', threshold: 1 } as const;

/** Alert rules, alerts, silences, webhooks, deliveries and alert events of another tenant. */
export const ALERTS_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "alert rules (B's absent)",
    expected: 'noLeak',
    attempt: async (w) => {
      const { ruleId } = await victimAlerts(w);
      if ((await w.a.client.request(AlertRulesDocument)).alertRules.some((r) => r.id === ruleId)) throw new Error("B's rule visible to A");
    },
  },
  {
    name: "update B's alert rule",
    expected: 'NOT_FOUND',
    attempt: async (w) => w.a.client.request(UpdateAlertRuleDocument, { id: (await victimAlerts(w)).ruleId, input: RULE_INPUT }),
  },
  {
    name: "delete B's alert rule",
    expected: 'NOT_FOUND',
    attempt: async (w) => w.a.client.request(DeleteAlertRuleDocument, { id: (await victimAlerts(w)).ruleId }),
  },
  {
    name: "alert rule on B's collector",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(CreateAlertRuleDocument, { input: { ...RULE_INPUT, collectorIds: [w.bCollectorId] } }),
  },
  {
    name: "active alerts and history (B's absent)",
    expected: 'noLeak',
    attempt: async (w) => {
      const { alertId } = await victimAlerts(w);
      const { activeAlerts } = await w.a.client.request(ActiveAlertsDocument);
      const { alertHistory } = await w.a.client.request(AlertHistoryDocument, {
        from: new Date(Date.now() - 86_400_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      });
      if ([...activeAlerts, ...alertHistory].some((a) => a.id === alertId)) throw new Error("B's alert visible to A");
    },
  },
  {
    name: "acknowledge B's alert",
    expected: 'NOT_FOUND',
    attempt: async (w) => w.a.client.request(AcknowledgeAlertDocument, { id: (await victimAlerts(w)).alertId }),
  },
  {
    name: "silence B's alert rule",
    expected: 'NOT_FOUND',
    attempt: async (w) =>
      w.a.client.request(SilenceAlertsDocument, {
        input: { ruleId: (await victimAlerts(w)).ruleId, endsAt: new Date(Date.now() + 3_600_000).toISOString() },
      }),
  },
  {
    name: "webhooks and delivery log (B's absent)",
    expected: 'noLeak',
    attempt: async (w) => {
      const { webhookId, deliveryIds } = await victimAlerts(w);
      const { alertWebhooks } = await w.a.client.request(AlertWebhooksDocument);
      const { webhookDeliveries } = await w.a.client.request(WebhookDeliveriesDocument, { limit: 1000 });
      if (alertWebhooks.some((h) => h.id === webhookId)) throw new Error("B's webhook visible to A");
      if (webhookDeliveries.some((d) => deliveryIds.includes(d.id) || d.webhookId === webhookId))
        throw new Error("B's deliveries visible to A");
    },
  },
  {
    name: "delivery log of B's webhook",
    expected: 'NOT_FOUND',
    attempt: async (w) => w.a.client.request(WebhookDeliveriesDocument, { webhookId: (await victimAlerts(w)).webhookId }),
  },
  {
    name: "test-send B's webhook",
    expected: 'NOT_FOUND',
    attempt: async (w) => w.a.client.request(TestAlertWebhookDocument, { id: (await victimAlerts(w)).webhookId }),
  },
  {
    name: "alert events (A's subscription never gets B's)",
    expected: 'noLeak',
    attempt: async (w) => {
      const { alertId } = await victimAlerts(w);
      const [asA, asB] = [connectLive(w.env.gatewayUrl, w.a.session.accessToken), connectLive(w.env.gatewayUrl, w.b.session.accessToken)];
      try {
        const [subA, subB] = [asA.subscribe(AlertEventsDocument), asB.subscribe(AlertEventsDocument)];
        await new Promise((resolve) => setTimeout(resolve, 700));
        // B acknowledges its alert: an ACKNOWLEDGED event on B's channel (B's own subscriber proves it was sent).
        await w.b.client.request(AcknowledgeAlertDocument, { id: alertId });
        await subB.until((d) => d.some((e) => e.alertEvents.alertId === alertId), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (subA.data.length > 0) throw new Error("B's alert events reached A");
        if (subA.errors.length) throw new Error(`A's subscription failed: ${JSON.stringify(subA.errors)}`);
      } finally {
        await Promise.all([asA.close(), asB.close()]);
      }
    },
  },
];
