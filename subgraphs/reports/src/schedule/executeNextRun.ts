import { inTransaction, quoteSchema, retryBackoffMs, type Runtime } from '@perfanalysis/platform';
import type { PoolClient } from 'pg';
import { deliverRun } from '../delivery/deliverRun.js';
import type { ClaimedRun } from './claimedRun.js';
import { renderRun } from './renderRun.js';

const CLAIM = (s: string) => `SELECT r.*, s.name AS schedule_name, s.kind, s.format, s.collector_ids, s.recipients, s.webhook_ids,
       s.created_by, s.created_by_email
  FROM ${s}.report_runs r JOIN ${s}.report_schedules s ON s.id = r.schedule_id
 WHERE r.status IN ('PENDING', 'DELIVERING') AND r.next_attempt_at <= $1
 ORDER BY r.next_attempt_at, r.id LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** One attempt: render and archive (a PENDING run; rolled back whole on failure), then deliver. The failure, if any. */
async function attempt(
  runtime: Runtime,
  client: PoolClient,
  tenant: { slug: string; schema: string },
  run: ClaimedRun,
  runnerId: string,
  now: Date,
) {
  if (run.status === 'PENDING') {
    await client.query('SAVEPOINT render');
    try {
      await renderRun(runtime, client, tenant.schema, run, now);
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT render');
      return { status: 'PENDING', error: `render: ${message(error)}` };
    }
    await client.query(`UPDATE ${quoteSchema(tenant.schema)}.report_runs SET status = 'DELIVERING', rendered_by = $2 WHERE id = $1`, [
      run.id,
      runnerId,
    ]);
  }
  return { status: 'DELIVERING', error: await deliverRun(runtime, client, tenant, run) };
}

/**
 * Claims one due run of the tenant (FOR UPDATE SKIP LOCKED: a run another runner holds is
 * skipped, so each is rendered by exactly one replica; docs/report-schedules.md), attempts it
 * while holding the lock and records the outcome: SUCCEEDED, retried after the back-off, or
 * FAILED after `REPORT_RUN_MAX_ATTEMPTS`. Returns false when no run was due.
 */
export async function executeNextRun(
  runtime: Runtime,
  tenant: { slug: string; schema: string },
  runnerId: string,
  now: Date,
): Promise<boolean> {
  const s = quoteSchema(tenant.schema);
  return inTransaction(runtime.db.pool, async (client) => {
    const { rows } = await client.query<ClaimedRun>(CLAIM(s), [now]);
    const run = rows[0];
    if (!run) return false;
    const outcome = await attempt(runtime, client, tenant, run, runnerId, now);
    const attempts = run.attempts + 1;
    const { runMaxAttempts, runBackoffMs } = runtime.config.reports;
    const status = outcome.error === undefined ? 'SUCCEEDED' : attempts >= runMaxAttempts ? 'FAILED' : outcome.status;
    await client.query(
      `UPDATE ${s}.report_runs SET status = $2, attempts = $3, last_error = $4, next_attempt_at = $5,
              finished_at = CASE WHEN $2 IN ('SUCCEEDED', 'FAILED') THEN now() END
        WHERE id = $1`,
      [run.id, status, attempts, outcome.error ?? null, new Date(now.getTime() + retryBackoffMs(attempts, runBackoffMs))],
    );
    if (outcome.error) runtime.logger.warn({ runId: run.id, attempts, status, error: outcome.error }, 'report run failed');
    else runtime.logger.info({ runId: run.id, attempts }, 'report run delivered');
    return true;
  });
}
