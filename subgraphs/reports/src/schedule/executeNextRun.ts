import { retryBackoffMs, type Runtime, type TenantDb } from '@perfanalysis/platform';
import { deliverRun } from '../delivery/deliverRun.js';
import type { ClaimedRun } from './claimedRun.js';
import { renderRun } from './renderRun.js';

const CLAIM = (db: TenantDb) => `SELECT r.*, s.name AS schedule_name, s.kind, s.format, s.collector_ids, s.recipients, s.webhook_ids,
       s.created_by, s.created_by_email
  FROM ${db.table('report_runs')} r JOIN ${db.table('report_schedules')} s ON s.id = r.schedule_id
 WHERE r.status IN ('PENDING', 'DELIVERING') AND r.next_attempt_at <= $1
 ORDER BY r.next_attempt_at, r.id LIMIT 1 FOR UPDATE OF r SKIP LOCKED`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** One attempt: render and archive (a PENDING run; rolled back whole on failure), then deliver. The failure, if any. */
async function attempt(runtime: Runtime, tenant: { slug: string; db: TenantDb }, run: ClaimedRun, runnerId: string, now: Date) {
  const { db } = tenant;
  if (run.status === 'PENDING') {
    await db.query('SAVEPOINT render');
    try {
      await renderRun(runtime, db, run, now);
    } catch (error) {
      await db.query('ROLLBACK TO SAVEPOINT render');
      return { status: 'PENDING', error: `render: ${message(error)}` };
    }
    await db.query(`UPDATE ${db.table('report_runs')} SET status = 'DELIVERING', rendered_by = $2 WHERE id = $1`, [run.id, runnerId]);
  }
  return { status: 'DELIVERING', error: await deliverRun(runtime, tenant, run) };
}

/**
 * Claims one due run of the tenant (FOR UPDATE SKIP LOCKED: a run another runner holds is
 * skipped, so each is rendered by exactly one replica; docs/report-schedules.md), attempts it
 * while holding the lock and records the outcome: SUCCEEDED, retried after the back-off, or
 * FAILED after `REPORT_RUN_MAX_ATTEMPTS`. Returns false when no run was due.
 */
export async function executeNextRun(
  runtime: Runtime,
  tenant: { slug: string; db: TenantDb },
  runnerId: string,
  now: Date,
): Promise<boolean> {
  return tenant.db.transaction(async (tx) => {
    const { rows } = await tx.query<ClaimedRun>(CLAIM(tx), [now]);
    const run = rows[0];
    if (!run) return false;
    const outcome = await attempt(runtime, { slug: tenant.slug, db: tx }, run, runnerId, now);
    const attempts = run.attempts + 1;
    const { runMaxAttempts, runBackoffMs } = runtime.config.reports;
    const status = outcome.error === undefined ? 'SUCCEEDED' : attempts >= runMaxAttempts ? 'FAILED' : outcome.status;
    await tx.query(
      `UPDATE ${tx.table('report_runs')} SET status = $2, attempts = $3, last_error = $4, next_attempt_at = $5,
              finished_at = CASE WHEN $2 IN ('SUCCEEDED', 'FAILED') THEN now() END
        WHERE id = $1`,
      [run.id, status, attempts, outcome.error ?? null, new Date(now.getTime() + retryBackoffMs(attempts, runBackoffMs))],
    );
    if (outcome.error) runtime.logger.warn({ runId: run.id, attempts, status, error: outcome.error }, 'report run failed');
    else runtime.logger.info({ runId: run.id, attempts }, 'report run delivered');
    return true;
  });
}
