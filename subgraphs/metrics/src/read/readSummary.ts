import { METRIC_UNITS, type MetricColumn } from '@perfanalysis/contract';
import { BadUserInputError, type TenantTables } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { MetricSummary } from './metricSummary.type.js';

/** The percentiles asked of `percentile_cont`, in the order of the answer's fields. */
const PERCENTILES = [0.95, 0.975, 0.99] as const;

/**
 * A summary is exact, so its cost grows with the range: one sort per column of every value
 * (measured here: 24 h of 1-s points, all 27 columns ≈ 0.65 s; 7 days ≈ 7 s, or ≈ 1–2 s for
 * one group). Past this it is cancelled and the caller asked for a shorter range.
 * The sorts keep the server's `work_mem` (spilling to disk past it): raising it would let
 * every column's sort take that much memory at once, for ~15 % less time.
 */
const SUMMARY_TIMEOUT_SECONDS = 30;

/**
 * One statement, one pass over the raw points of the range: count, min, avg, max and the
 * three interpolated percentiles of every column (`percentile_cont` over an array of
 * fractions sorts each column once).
 */
export function summarySql(db: TenantTables, columns: readonly MetricColumn[]): string {
  const fractions = `ARRAY[${PERCENTILES.join(', ')}]::float8[]`;
  const selects = columns.map(
    (c) => `count(${c}), min(${c}), avg(${c}), max(${c}), percentile_cont(${fractions}) WITHIN GROUP (ORDER BY ${c})`,
  );
  return `SELECT ${selects.join(',\n  ')}
    FROM ${db.table('metric_points')}
    WHERE collector_id = $1 AND ts >= $2 AND ts < $3`;
}

/**
 * Exact statistics of one collector's columns over raw points in [from, to). Percentiles
 * are `percentile_cont` (linear interpolation between the two nearest ranks, as numpy's
 * default); p100 is the maximum. The cost grows with the points in the range: the scan and
 * one sort per column of every value; a statement past 30 s is cancelled (BAD_USER_INPUT).
 */
export async function readSummary(
  pool: Pool,
  db: TenantTables,
  collectorId: string,
  columns: readonly MetricColumn[],
  from: Date,
  to: Date,
): Promise<MetricSummary[]> {
  const client = await pool.connect();
  let row: unknown[] | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = '${SUMMARY_TIMEOUT_SECONDS}s'`);
    ({
      rows: [row],
    } = await client.query<unknown[]>({ text: summarySql(db, columns), values: [collectorId, from, to], rowMode: 'array' }));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '57014') {
      throw new BadUserInputError(
        `Summarising this range took longer than ${SUMMARY_TIMEOUT_SECONDS} s: ask for a shorter range or fewer groups.`,
        { field: 'to', timeoutSeconds: SUMMARY_TIMEOUT_SECONDS },
      );
    }
    throw error;
  } finally {
    client.release();
  }
  return columns.map((metric, i) => {
    const [count, min, mean, max, percentiles] = (row ?? []).slice(i * 5, i * 5 + 5) as [
      string,
      number | null,
      number | null,
      number | null,
      (number | null)[] | null,
    ];
    return Object.assign(new MetricSummary(), {
      metric,
      unit: METRIC_UNITS[metric],
      count: Number(count ?? 0),
      min,
      mean,
      max,
      p95: percentiles?.[0] ?? null,
      p975: percentiles?.[1] ?? null,
      p99: percentiles?.[2] ?? null,
      p100: max,
    });
  });
}
