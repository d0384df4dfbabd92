import type { TenantDb } from '@perfanalysis/platform';
import { randomUUID } from 'node:crypto';
import type { AlertEventMessage } from '@perfanalysis/contract';
import type { RuleRow } from '../rule/ruleStore.js';
import { type AlertTransition, type EvalState, renderSummary } from './evaluator.js';

/** What is stored per (rule, collector): the evaluator's state and the open alert's id. */
export interface StoredState {
  readonly eval: EvalState;
  readonly alertId?: string;
}

export interface TransitionInput {
  readonly tenantSlug: string;
  readonly rule: RuleRow;
  readonly collectorId: string;
  readonly hostname: string;
  readonly transition: AlertTransition;
  readonly value: number;
  /** Epoch ms of the step. */
  readonly at: number;
  readonly alertId: string | undefined;
}

/**
 * Writes one lifecycle step inside the caller's transaction: the alert row, and for FIRING and
 * RESOLVED (unless silenced) one delivery per enabled webhook — the outbox, committed or
 * rolled back together with the state that caused it. Returns the alert id to keep (if any)
 * and the event to publish after commit.
 */
export async function applyTransition(
  tx: TenantDb,
  input: TransitionInput,
): Promise<{ alertId: string | undefined; event: AlertEventMessage | undefined }> {
  const alerts = tx.table('alerts');
  const { rule, collectorId, transition, value } = input;
  const at = new Date(input.at);
  const summary = renderSummary(rule.summary, {
    value,
    metric: rule.metric,
    collector: input.hostname,
    threshold: rule.threshold ?? undefined,
    rule: rule.name,
    severity: rule.severity,
  });
  let alertId = input.alertId;
  let silenced = false;
  if (transition === 'CANCELLED') {
    if (alertId) await tx.query(`DELETE FROM ${alerts} WHERE id = $1 AND status = 'PENDING'`, [alertId]);
    return { alertId: undefined, event: undefined };
  }
  if (transition === 'PENDING') {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO ${alerts} (rule_id, collector_id, status, severity, summary, pending_at, fired_value)
       VALUES ($1, $2, 'PENDING', $3, $4, $5, $6) RETURNING id`,
      [rule.id, collectorId, rule.severity, summary, at, value],
    );
    alertId = rows[0]!.id;
  } else if (transition === 'FIRING') {
    const { rows: matching } = await tx.query(
      `SELECT 1 FROM ${tx.table('alert_silences')} WHERE now() >= starts_at AND now() < ends_at
          AND (rule_id IS NULL OR rule_id = $1) AND (collector_id IS NULL OR collector_id = $2) LIMIT 1`,
      [rule.id, collectorId],
    );
    silenced = matching.length > 0;
    if (alertId) {
      await tx.query(`UPDATE ${alerts} SET status = 'FIRING', fired_at = $2, fired_value = $3, summary = $4, silenced = $5 WHERE id = $1`, [
        alertId,
        at,
        value,
        summary,
        silenced,
      ]);
    } else {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO ${alerts} (rule_id, collector_id, status, severity, summary, pending_at, fired_at, fired_value, silenced)
         VALUES ($1, $2, 'FIRING', $3, $4, $5, $5, $6, $7) RETURNING id`,
        [rule.id, collectorId, rule.severity, summary, at, value, silenced],
      );
      alertId = rows[0]!.id;
    }
  } else if (alertId) {
    const { rows } = await tx.query<{ silenced: boolean }>(
      `UPDATE ${alerts} SET status = 'RESOLVED', resolved_at = $2, resolved_value = $3 WHERE id = $1 RETURNING silenced`,
      [alertId, at, value],
    );
    silenced = rows[0]?.silenced ?? false;
  }
  const event: AlertEventMessage = {
    event: transition,
    alertId: alertId ?? null,
    ruleId: rule.id,
    ruleName: rule.name,
    collectorId,
    status: transition,
    severity: rule.severity,
    summary,
    value: Number.isFinite(value) ? value : null,
    at: at.toISOString(),
    silenced,
  };
  if ((transition === 'FIRING' || transition === 'RESOLVED') && !silenced) await enqueueDeliveries(tx, input.tenantSlug, event);
  return { alertId: transition === 'RESOLVED' ? undefined : alertId, event };
}

/** One delivery row per enabled webhook, body fixed now (the signature covers exactly it). */
export async function enqueueDeliveries(tx: TenantDb, tenantSlug: string, event: AlertEventMessage): Promise<void> {
  const { rows: hooks } = await tx.query<{ id: string }>(`SELECT id FROM ${tx.table('alert_webhooks')} WHERE enabled`);
  for (const hook of hooks) {
    const id = randomUUID();
    const body = JSON.stringify({ deliveryId: id, tenant: tenantSlug, ...event });
    await tx.query(
      `INSERT INTO ${tx.table('alert_webhook_deliveries')} (id, webhook_id, alert_id, event, body) VALUES ($1, $2, $3, $4, $5)`,
      [id, hook.id, event.alertId, event.event, body],
    );
  }
}

/** Locks (creating if needed) the state row of a rule and collector, inside the caller's transaction. */
export async function lockState(tx: TenantDb, ruleId: string, collectorId: string): Promise<{ lastTs: number; state: StoredState }> {
  const states = tx.table('alert_rule_state');
  await tx.query(`INSERT INTO ${states} (rule_id, collector_id, last_ts, state) VALUES ($1, $2, 'epoch', $3) ON CONFLICT DO NOTHING`, [
    ruleId,
    collectorId,
    { eval: { phase: 'OK' } },
  ]);
  const { rows } = await tx.query<{ last_ts: Date; state: StoredState }>(
    `SELECT last_ts, state FROM ${states} WHERE rule_id = $1 AND collector_id = $2 FOR UPDATE`,
    [ruleId, collectorId],
  );
  return { lastTs: rows[0]!.last_ts.getTime(), state: rows[0]!.state };
}

export async function saveState(tx: TenantDb, ruleId: string, collectorId: string, lastTs: number, state: StoredState) {
  await tx.query(`UPDATE ${tx.table('alert_rule_state')} SET last_ts = $3, state = $4 WHERE rule_id = $1 AND collector_id = $2`, [
    ruleId,
    collectorId,
    new Date(lastTs),
    state,
  ]);
}
