import { METRIC_COLUMNS } from '@perfanalysis/contract';
import type { TenantTables } from '@perfanalysis/platform';
import { POINT_COLUMNS, ROLLUPS, type Rollup, statColumns } from './metricTables.js';

const POINT_LIST = POINT_COLUMNS.join(', ');

const STAT_COLUMNS = ['collector_id', 'bucket', 'n', ...METRIC_COLUMNS.flatMap((c) => statColumns(c))].join(', ');

/** The new points' minute aggregates: the only pass over the inserted rows. */
const MINUTE_AGGREGATES = `SELECT collector_id, date_trunc('minute', ts) AS bucket, count(*) AS n, ${METRIC_COLUMNS.map(
  (c) => `min(${c}) AS ${c}_min, max(${c}) AS ${c}_max, sum(${c}::float8) AS ${c}_sum, count(${c}) AS ${c}_cnt`,
).join(', ')} FROM behind GROUP BY 1, 2`;

/** The hour aggregates folded from the minute ones (60× fewer rows than the points). */
const HOUR_AGGREGATES = `SELECT collector_id, date_trunc('hour', bucket), sum(n), ${METRIC_COLUMNS.map(
  (c) => `min(${c}_min), max(${c}_max), sum(${c}_sum), sum(${c}_cnt)`,
).join(', ')} FROM minute_stats GROUP BY 1, 2`;

/** Adds aggregates (a SELECT in rollup column order) into a rollup table. */
function rollupUpsert(db: TenantTables, rollup: Rollup, aggregates: string): string {
  const merges = METRIC_COLUMNS.map(
    (c) =>
      `${c}_min = LEAST(r.${c}_min, EXCLUDED.${c}_min), ${c}_max = GREATEST(r.${c}_max, EXCLUDED.${c}_max), ` +
      `${c}_sum = COALESCE(r.${c}_sum, 0) + COALESCE(EXCLUDED.${c}_sum, 0), ${c}_cnt = r.${c}_cnt + EXCLUDED.${c}_cnt`,
  ).join(',\n      ');
  return `INSERT INTO ${db.table(rollup.table)} AS r (${STAT_COLUMNS})
    ${aggregates}
    ON CONFLICT (collector_id, bucket) DO UPDATE SET n = r.n + EXCLUDED.n,
      ${merges}`;
}

/** What the statement answers: every inserted (collector, timestamp) (trickle) or counts per collector (upload). */
export type InsertAnswer = 'timestamps' | 'perCollector';

const ANSWERS: Record<InsertAnswer, string> = {
  // Unix ms as int8 text: the driver then parses no timestamp per row.
  timestamps: 'SELECT collector_id, (extract(epoch FROM ts) * 1000)::int8 AS ms FROM inserted',
  perCollector: 'SELECT collector_id, count(*)::int AS inserted FROM inserted GROUP BY collector_id',
};

/**
 * One statement that inserts points from `source` (a SELECT yielding the point columns in
 * table order), skips those already stored (primary key), and folds only the new ones behind
 * the rollup watermark into the minute and hour rollups (the rest the rollup job folds in). `RETURNING` is what tells the new points from the skipped
 * ones (a re-sent point, or one a concurrent trickle stored first, must not count twice).
 * `also` are further data-modifying CTEs (`name AS (INSERT …)`) that run in the same statement,
 * so that one statement is a whole, atomic write.
 */
export function insertPointsSql(db: TenantTables, source: string, answer: InsertAnswer, also: readonly string[] = []): string {
  return `WITH inserted AS (
    INSERT INTO ${db.table('metric_points')} (${POINT_LIST}) ${source}
    ON CONFLICT (collector_id, ts) DO NOTHING
    RETURNING ${POINT_LIST}
  ),
  ${rollupSteps(db)}${also
    .map(
      (cte) => `,
  ${cte}`,
    )
    .join('')}
  ${ANSWERS[answer]}`;
}

/**
 * The statement's rollup steps over a relation named `inserted` holding the new points: those
 * behind the tenant's rollup watermark are folded in now, the others are left to the rollup job
 * (docs/ingest.md, "Rollups"). The watermark row is read FOR SHARE: a job moving it waits for
 * this transaction, and a statement that waited for the job reads the watermark it committed
 * (READ COMMITTED locks and returns the newest row version), so every point is rolled up once.
 */
function rollupSteps(db: TenantTables): string {
  return `watermark AS (SELECT until FROM ${db.table('metric_rollup_watermark')} FOR SHARE),
  behind AS (SELECT * FROM inserted WHERE ts < (SELECT until FROM watermark)),
  minute_stats AS (${MINUTE_AGGREGATES}),
  minute AS (${rollupUpsert(db, ROLLUPS[0], 'SELECT * FROM minute_stats')}),
  hour AS (${rollupUpsert(db, ROLLUPS[1], HOUR_AGGREGATES)})`;
}

/**
 * Folds stored points not yet rolled up (`source`, a SELECT of point columns: an upload's staging
 * table whose rows were just inserted as they are, or the rollup job's points) into the minute and
 * hour rollups, as far as the watermark; answers the points per collector.
 */
export function rollupPointsSql(db: TenantTables, source: string): string {
  return `WITH inserted AS (${source}),
  ${rollupSteps(db)}
  ${ANSWERS.perCollector}`;
}
