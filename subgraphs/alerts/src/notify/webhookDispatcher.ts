import {
  bindTenant,
  type PeriodicJob,
  postWebhook,
  retryBackoffMs,
  type Runtime,
  startPeriodicJob,
  type TenantDb,
} from '@perfanalysis/platform';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';

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
export async function sendLocked(runtime: Runtime, tx: TenantDb, delivery: DueDelivery): Promise<void> {
  const { webhookAllowPrivate, webhookPorts, webhookTimeoutMs, webhookMaxAttempts, webhookBackoffMs } = runtime.config.alerts;
  const result = await postWebhook(delivery.url, delivery.secret, delivery.body, {
    policy: { allowPrivate: webhookAllowPrivate, extraPorts: webhookPorts },
    timeoutMs: webhookTimeoutMs,
  });
  const attempts = delivery.attempts + 1;
  const status = result.ok ? 'DELIVERED' : attempts >= webhookMaxAttempts ? 'FAILED' : 'PENDING';
  await tx.query(
    `UPDATE ${tx.table('alert_webhook_deliveries')}
        SET status = $2, attempts = $3, last_status_code = $4, last_error = $5,
            next_attempt_at = now() + make_interval(secs => $6::double precision / 1000),
            delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() END
      WHERE id = $1`,
    [delivery.id, status, attempts, result.statusCode, result.error, retryBackoffMs(attempts, webhookBackoffMs)],
  );
}

const DUE = (db: TenantDb) => `SELECT d.id, d.body, d.attempts, w.url, w.secret
   FROM ${db.table('alert_webhook_deliveries')} d JOIN ${db.table('alert_webhooks')} w ON w.id = d.webhook_id
  WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()`;

/** Sends the due deliveries of one tenant (a batch), each in its own transaction. */
export async function dispatchTenant(runtime: Runtime, db: TenantDb, limit = 20): Promise<number> {
  let sent = 0;
  while (sent < limit) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query<DueDelivery>(`${DUE(tx)} ORDER BY d.created_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED`);
      if (!rows[0]) return false;
      await sendLocked(runtime, tx, rows[0]);
      return true;
    });
    if (!done) break;
    sent += 1;
  }
  return sent;
}

/** Sends one given delivery now if nobody else is (test sends). */
export async function dispatchOne(runtime: Runtime, db: TenantDb, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<DueDelivery>(`${DUE(tx)} AND d.id = $1 FOR UPDATE OF d SKIP LOCKED`, [id]);
    if (rows[0]) await sendLocked(runtime, tx, rows[0]);
  });
}

/** Runs the outbox of every tenant periodically. */
export function startWebhookDispatcher(runtime: Runtime): PeriodicJob {
  return startPeriodicJob('webhook dispatch', runtime.config.alerts.sweepMs, runtime.logger, async (stopping) => {
    for (const { slug } of await listTenants(runtime.db.pool, { activeOnly: true })) {
      if (stopping()) return;
      await dispatchTenant(runtime, bindTenant(runtime.db.pool, slug));
    }
  });
}
