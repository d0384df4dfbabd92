import { bindTenant, type PeriodicJob, type Runtime, startPeriodicJob } from '@perfanalysis/platform';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { purgeArchive } from '../archive/purgeArchive.js';
import { enqueueDueRuns } from './enqueueDueRuns.js';
import { executeNextRun } from './executeNextRun.js';

/** Runs attempted per tenant and tick, so one busy tenant cannot starve the others. */
const RUNS_PER_TENANT_TICK = 20;

/** A name for this runner instance, recorded on the runs it renders. */
export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * One pass over every active tenant: queue the due schedules' runs, attempt due runs, purge
 * the archive past its retention. Safe on any number of replicas at once (docs/report-schedules.md).
 */
export async function runSchedulesOnce(runtime: Runtime, runnerId: string, now = new Date()): Promise<void> {
  for (const { slug } of await listTenants(runtime.db.pool, { activeOnly: true })) {
    const db = bindTenant(runtime.db.pool, slug);
    // One tenant's failure (its schema mid-migration, a lost connection) must not hold up the others.
    try {
      await enqueueDueRuns(db, now);
      for (let n = 0; n < RUNS_PER_TENANT_TICK && (await executeNextRun(runtime, { slug, db }, runnerId, now)); n++);
      await purgeArchive(runtime, db, now);
    } catch (error) {
      runtime.logger.warn({ err: error, tenant: slug }, 'report schedules of a tenant failed this pass');
    }
  }
}

/** Runs {@link runSchedulesOnce} every `REPORT_SCHEDULER_TICK` until stopped. */
export function startScheduleRunner(runtime: Runtime): PeriodicJob {
  const id = newRunnerId();
  return startPeriodicJob('report schedule runner', runtime.config.reports.schedulerTickMs, runtime.logger, () =>
    runSchedulesOnce(runtime, id),
  );
}
