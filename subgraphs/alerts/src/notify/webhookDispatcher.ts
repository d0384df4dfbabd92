import {
  inTransaction,
  type PeriodicJob,
  postWebhook,
  quoteSchema,
  retryBackoffMs,
  type Runtime,
  startPeriodicJob,
} from '@perfanalysis/platform';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';
import type { PoolClient } from 'pg';

interface DueDelivery {
  id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends one delivery (already locked by the caller's transaction) and records the outcome:
 * DELIVERED, PENDING again after the back-off, or FAILED after the last attempt. A delivery is
 * locked while it is sent (FOR UPDATE SKIP LOCKED), so replicas never send the same one twice.
 */
export async function sendLocked(runtime: Runtime, client: PoolClient, schema: string, delivery: DueDelivery): Promise<void> {
  const { webhookAllowPrivate, webhookPorts, webhookTimeoutMs, webhookMaxAttempts, webhookBackoffMs } = runtime.config.alerts;
  const result = await postWebhook(delivery.url, delivery.secret, delivery.body, {
    policy: { allowPrivate: webhookAllowPrivate, extraPorts: webhookPorts },
    timeoutMs: webhookTimeoutMs,
  });
  const attempts = delivery.attempts + 1;
  const status = result.ok ? 'DELIVERED' : attempts >= webhookMaxAttempts ? 'FAILED' : 'PENDING';
  await client.query(
    `UPDATE ${quoteSchema(schema)}.alert_webhook_deliveries
        SET status = $2, attempts = $3, last_status_code = $4, last_error = $5,
            next_attempt_at = now() + make_interval(secs => $6::double precision / 1000),
            delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() END
      WHERE id = $1`,
    [delivery.id, status, attempts, result.statusCode, result.error, retryBackoffMs(attempts, webhookBackoffMs)],
  );
}

const DUE = (s: string) => `SELECT d.id, d.body, d.attempts, w.url, w.secret
   FROM ${s}.alert_webhook_deliveries d JOIN ${s}.alert_webhooks w ON w.id = d.webhook_id
  WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()`;

/** Sends the due deliveries of one tenant (a batch), each in its own transaction. */
export async function dispatchTenant(runtime: Runtime, schema: string, limit = 20): Promise<number> {
  const s = quoteSchema(schema);
  let sent = 0;
  while (sent < limit) {
    const done = await inTransaction(runtime.db.pool, async (client) => {
      const { rows } = await client.query<DueDelivery>(`${DUE(s)} ORDER BY d.created_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED`);
      if (!rows[0]) return false;
      await sendLocked(runtime, client, schema, rows[0]);
      return true;
    });
    if (!done) break;
    sent += 1;
  }
  return sent;
}

/** Sends one given delivery now if nobody else is (test sends). */
export async function dispatchOne(runtime: Runtime, schema: string, id: string): Promise<void> {
  const s = quoteSchema(schema);
  await inTransaction(runtime.db.pool, async (client) => {
    const { rows } = await client.query<DueDelivery>(`${DUE(s)} AND d.id = $1 FOR UPDATE OF d SKIP LOCKED`, [id]);
    if (rows[0]) await sendLocked(runtime, client, schema, rows[0]);
  });
}

/** Runs the outbox of every tenant periodically. */
export function startWebhookDispatcher(runtime: Runtime): PeriodicJob {
  return startPeriodicJob('webhook dispatch', runtime.config.alerts.sweepMs, runtime.logger, async (stopping) => {
    for (const { schemaName } of await listTenants(runtime.db.pool, { activeOnly: true })) {
      if (stopping()) return;
      await dispatchTenant(runtime, schemaName);
    }
  });
}
