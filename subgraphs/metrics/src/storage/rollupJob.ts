import { bindTenant, type PeriodicJob, type Runtime, startPeriodicJob, type TenantDb } from '@perfanalysis/platform';
import { listCollectors } from '@perfanalysis/subgraph-collectors/read';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';
import { rollupPointsSql } from './insertPoints.js';
import { POINT_COLUMNS } from './metricTables.js';

/** A minute is rolled up this long after it ended: points of the minute still arriving then are folded in at ingest. */
const SETTLE_SECONDS = 5;
/**
 * How long a round waits for the watermark row (ingests and uploads hold it FOR SHARE while they
 * commit; new ones do not queue behind a waiting round, so waiting delays no ingest).
 */
const LOCK_WAIT = '2s';
/** 55P03: the watermark row stayed locked past the wait (a long upload, another replica's round). */
const LOCK_NOT_AVAILABLE = '55P03';

export interface RollUpOptions {
  /** Roll up to the start of this instant's minute instead of the last settled minute (tests, operators). */
  readonly untilMs?: number;
  /** Wait for the watermark row as long as it takes instead of skipping the round after LOCK_WAIT. */
  readonly wait?: boolean;
}

/**
 * Folds one tenant's points from the rollup watermark up to the last settled minute into the
 * minute and hour rollups and moves the watermark there, in one transaction (docs/ingest.md,
 * "Rollups"). The row lock comes first and the points are read by a later statement, so every
 * ingest that left points to the job (it held the row FOR SHARE at the old watermark) has
 * committed and is seen. Answers the points rolled up, or null when the row stayed busy.
 */
export async function rollUpTenant(db: TenantDb, options: RollUpOptions = {}): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      if (!options.wait) await tx.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
      const { rows } = await tx.query<{ from: Date; until: Date }>(
        `SELECT until AS from, date_trunc('minute', coalesce($1::timestamptz, now() - make_interval(secs => $2))) AS until
           FROM ${tx.table('metric_rollup_watermark')} FOR UPDATE`,
        [options.untilMs === undefined ? null : new Date(options.untilMs), SETTLE_SECONDS],
      );
      const { from, until } = rows[0]!;
      if (until <= from) return 0;
      await tx.query(`UPDATE ${tx.table('metric_rollup_watermark')} SET until = $1`, [until]);
      // One primary-key range per collector: the points table has no index on time alone.
      const collectors = (await listCollectors(tx)).map((c) => c.id);
      const source = `SELECT ${POINT_COLUMNS.join(', ')} FROM ${tx.table('metric_points')} WHERE collector_id = ANY($3::uuid[]) AND ts >= $1 AND ts < $2`;
      const counted = await tx.query<{ inserted: number }>(rollupPointsSql(tx, source), [from, until, collectors]);
      return counted.rows.reduce((sum, r) => sum + r.inserted, 0);
    });
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return null;
    throw error;
  }
}

/**
 * Rolls up every tenant every `everyMs`, one pass at a time (platform's periodic job: a failed pass
 * is logged and retried next tick, stopping waits for a pass under way). A tenant whose round
 * failed or found its watermark busy waits for the next pass; reads never wait for one.
 */
export function startRollupJob(runtime: Runtime, everyMs: number): PeriodicJob {
  return startPeriodicJob('rollup round', everyMs, runtime.logger, async (stopping) => {
    for (const { slug } of await listTenants(runtime.db.pool)) {
      if (stopping()) return;
      await rollUpTenant(bindTenant(runtime.db.pool, slug)).catch((error: unknown) =>
        runtime.logger.warn({ err: error, tenant: slug }, 'rollup round failed; retrying next round'),
      );
    }
  });
}
