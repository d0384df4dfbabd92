import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { quoteSchema } from '@perfanalysis/platform';
import { POINT_COLUMNS, ROLLUPS, type Rollup } from './metricTables.js';

const POINT_LIST = POINT_COLUMNS.join(', ');

function rollupUpsert(schema: string, rollup: Rollup): string {
  const aggregates = METRIC_COLUMNS.map((c) => `min(${c}), max(${c}), sum(${c}::float8), count(${c})`).join(', ');
  const merges = METRIC_COLUMNS.map(
    (c) =>
      `${c}_min = LEAST(r.${c}_min, EXCLUDED.${c}_min), ${c}_max = GREATEST(r.${c}_max, EXCLUDED.${c}_max), ` +
      `${c}_sum = COALESCE(r.${c}_sum, 0) + COALESCE(EXCLUDED.${c}_sum, 0), ${c}_cnt = r.${c}_cnt + EXCLUDED.${c}_cnt`,
  ).join(',\n      ');
  const columns = ['collector_id', 'bucket', 'n', ...METRIC_COLUMNS.flatMap((c) => [`${c}_min`, `${c}_max`, `${c}_sum`, `${c}_cnt`])].join(
    ', ',
  );
  return `INSERT INTO ${schema}.${rollup.table} AS r (${columns})
    SELECT collector_id, date_trunc('${rollup.unit}', ts), count(*), ${aggregates} FROM inserted GROUP BY 1, 2
    ON CONFLICT (collector_id, bucket) DO UPDATE SET n = r.n + EXCLUDED.n,
      ${merges}`;
}

/** What the statement answers: every inserted (collector, timestamp) (trickle) or counts per collector (upload). */
export type InsertAnswer = 'timestamps' | 'perCollector';

const ANSWERS: Record<InsertAnswer, string> = {
  timestamps: 'SELECT collector_id, ts FROM inserted',
  perCollector: 'SELECT collector_id, count(*)::int AS inserted FROM inserted GROUP BY collector_id',
};

/**
 * One statement that inserts points from `source` (a SELECT yielding the point columns in
 * table order), skips those already stored (primary key), and folds only the new ones into
 * the minute and hour rollups.
 */
export function insertPointsSql(schemaName: string, source: string, answer: InsertAnswer): string {
  const schema = quoteSchema(schemaName);
  return `WITH inserted AS (
    INSERT INTO ${schema}.metric_points (${POINT_LIST}) ${source}
    ON CONFLICT (collector_id, ts) DO NOTHING
    RETURNING *
  ),
  minute AS (${rollupUpsert(schema, ROLLUPS[0])}),
  hour AS (${rollupUpsert(schema, ROLLUPS[1])})
  ${ANSWERS[answer]}`;
}
