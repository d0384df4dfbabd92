import { METRIC_COLUMNS, type MetricPoint } from '@perfanalysis/contract';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import type { Pool } from 'pg';
import { readSeries } from '../../subgraphs/metrics/src/read/readSeries.js';
import { GroupCommit } from '../../subgraphs/metrics/src/storage/groupCommit.js';
import { rollupPointsSql } from '../../subgraphs/metrics/src/storage/insertPoints.js';
import { moveStaged } from '../../subgraphs/metrics/src/storage/moveStaged.js';
import { ensurePartitions } from '../../subgraphs/metrics/src/storage/partitions.js';
import { rollUpTenant } from '../../subgraphs/metrics/src/storage/rollupJob.js';
import { bindTenant, tenantSlugOfSchema, tenantTables, type TenantTables } from '@perfanalysis/platform';
import { registerMachine, realisticValues, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const COLUMNS = ['cpu_user', 'mem_used_mb', 'load_15min'] as const;

/**
 * Deferred rollups (docs/ingest.md, "Rollups"), on real PostgreSQL: whatever order trickles,
 * duplicates, late points, overlapping uploads and rollup rounds come in, the rollups count every
 * stored point once, and reads of minute and hour buckets equal the raw points' aggregates at any
 * moment, rolled up or not.
 */
describe('deferred rollups', () => {
  let env: TestEnvironment;
  let pool: Pool;
  let tenants: TestTenant[];
  let machines: TestMachine[];

  beforeAll(async () => {
    env = await createTestEnvironment();
    pool = env.runtime.db.pool;
    tenants = [await newTenant(env), await newTenant(env)];
    machines = await Promise.all(['a', 'b', 'c'].map((m) => registerMachine(tenants[0]!, m)));
  });
  afterAll(() => env?.stop());

  /** The suite names schemas in its own SQL; the code under test takes the tenant's tables or handle. */
  const tablesIn = (schema: string): TenantTables => tenantTables(tenantSlugOfSchema(schema));
  const handleOf = (schema: string) => bindTenant(pool, tenantSlugOfSchema(schema));

  const watermark = async (schema: string) =>
    (await pool.query<{ until: Date }>(`SELECT until FROM "${schema}".metric_rollup_watermark`)).rows[0]!.until.getTime();

  /** Stores points as an upload does: staged, then moved (plain insert, or the general statement when some exist). */
  async function upload(schema: string, collectorId: string, points: readonly MetricPoint[]): Promise<void> {
    const times = points.map((p) => p.timestamp);
    await ensurePartitions(pool, tablesIn(schema), Math.min(...times), Math.max(...times));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `CREATE TEMP TABLE staging (collector_id uuid NOT NULL, ts timestamptz NOT NULL, ${METRIC_COLUMNS.map((c) => `${c} real`).join(', ')}) ON COMMIT DROP`,
      );
      await client.query(
        `INSERT INTO pg_temp.staging (collector_id, ts, ${METRIC_COLUMNS.join(', ')})
         SELECT $1, t, ${METRIC_COLUMNS.map((_, i) => `(v->>${i})::real`).join(', ')} FROM unnest($2::timestamptz[], $3::jsonb[]) AS u(t, v)`,
        [collectorId, times.map((t) => new Date(t)), points.map((p) => JSON.stringify(METRIC_COLUMNS.map((c) => p.values[c] ?? null)))],
      );
      await moveStaged(client, tablesIn(schema));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** Rollup rows that differ from the raw points' aggregates (and raw buckets without a rollup row). */
  async function rollupMismatches(schema: string, table: string, unit: 'minute' | 'hour'): Promise<unknown[]> {
    const raw = `SELECT collector_id, date_trunc('${unit}', ts) AS bucket, count(*)::int AS n, ${COLUMNS.map(
      (c) => `min(${c}) AS ${c}_min, max(${c}) AS ${c}_max, sum(${c}::float8) AS ${c}_sum, count(${c})::int AS ${c}_cnt`,
    ).join(', ')} FROM "${schema}".metric_points GROUP BY 1, 2`;
    const differs = COLUMNS.map(
      (c) =>
        `r.${c}_min IS DISTINCT FROM p.${c}_min OR r.${c}_max IS DISTINCT FROM p.${c}_max OR r.${c}_cnt IS DISTINCT FROM p.${c}_cnt
         OR abs(coalesce(r.${c}_sum, 0) - coalesce(p.${c}_sum, 0)) > 1e-6 * greatest(abs(coalesce(p.${c}_sum, 0)), 1)`,
    ).join(' OR ');
    const { rows } = await pool.query(
      `SELECT collector_id, bucket, r.n AS rolled, p.n AS raw FROM "${schema}".${table} r FULL JOIN (${raw}) p USING (collector_id, bucket)
        WHERE r.n IS DISTINCT FROM p.n OR ${differs}`,
    );
    return rows;
  }

  /** `readSeries` in buckets of `seconds` (minute or hour rollups and the raw tail) beside the raw points' own aggregates. */
  async function readMismatches(schema: string, collectorId: string, fromMs: number, toMs: number, seconds: 60 | 3_600) {
    const count = (toMs - fromMs) / (seconds * 1000);
    const read = await readSeries(pool, tablesIn(schema), { collectorId, columns: [...COLUMNS], fromMs, toMs, buckets: count });
    expect(read.bucketSeconds).toBe(seconds);
    const { rows } = await pool.query<{ b: number; [k: string]: number | null }>(
      `SELECT floor((date_part('epoch', ts) - $2) / $3)::int AS b, ${COLUMNS.map((c) => `min(${c}) ${c}_min, avg(${c}) ${c}_avg, max(${c}) ${c}_max`).join(', ')}
         FROM "${schema}".metric_points WHERE collector_id = $1 AND ts >= $4 AND ts < $5 GROUP BY 1`,
      [collectorId, fromMs / 1000, seconds, new Date(fromMs), new Date(toMs)],
    );
    const byBucket = new Map(rows.map((r) => [r.b, r]));
    const wrong: string[] = [];
    read.metrics.forEach((series, k) => {
      const c = COLUMNS[k]!;
      for (let b = 0; b < count; b++) {
        const raw = byBucket.get(b);
        const close = (x: number | null, y: number | null | undefined) =>
          (x === null && (y ?? null) === null) || (x !== null && y != null && Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(y), 1));
        if (
          !close(series.min[b]!, raw?.[`${c}_min`]) ||
          !close(series.max[b]!, raw?.[`${c}_max`]) ||
          !close(series.avg[b]!, raw?.[`${c}_avg`])
        )
          wrong.push(`${c} bucket ${b}: read ${series.min[b]}/${series.avg[b]}/${series.max[b]}`);
      }
    });
    return wrong;
  }

  it('rolls up every stored point once across random trickles, duplicates, late points, uploads and rounds', async () => {
    const tenant = tenants[0]!;
    const schema = schemaOf(tenant);
    const commits = new GroupCommit(pool, { windowMs: 2, maxPoints: 20_000 });
    const random = seededRandom(14);
    // Points from three hours before the watermark (rolled up at ingest) to 20 minutes past it (left to rounds).
    const base = await watermark(schema);
    const start = Math.floor((base - 3 * HOUR) / HOUR) * HOUR;
    const sent: MetricPoint[][] = machines.map(() => []);
    const pointAt = (t: number, i: number): MetricPoint => {
      const values = realisticValues(i, random);
      if (random() < 0.2) delete values.load_15min; // a column missing in some points
      return { timestamp: t, values };
    };
    let untilMs = base;
    for (let round = 0; round < 40; round++) {
      const work = machines.map(async (machine, m) => {
        const roll = random();
        const recent = random() < 0.6;
        const from = recent ? base + Math.floor(random() * 20 * MINUTE) : start + Math.floor(random() * 3 * HOUR);
        const points = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => pointAt(from + i * 1000, round * 100 + i));
        // A duplicate: some points sent before, again (a spool resend, an overlapping upload).
        const again = sent[m]!.filter(() => random() < 0.05);
        sent[m]!.push(...points);
        const batch = [...points, ...again];
        if (roll < 0.7) await commits.store(tablesIn(schema), { collectorId: machine.id, points: batch });
        else await upload(schema, machine.id, batch);
      });
      // A rollup round racing them, sometimes waiting, to a point that moves through the data.
      if (random() < 0.5) {
        untilMs = Math.max(untilMs, base + Math.floor(random() * 20 * MINUTE));
        work.push(rollUpTenant(handleOf(schema), { untilMs, wait: random() < 0.5 }).then(() => undefined));
      }
      await Promise.all(work);
    }
    // Before the last round: reads of minute and hour buckets are complete across the watermark.
    const fromMs = start;
    const toMs = Math.ceil((base + 21 * MINUTE) / HOUR) * HOUR;
    expect(await watermark(schema)).toBeGreaterThan(base); // rounds did move it, into the data
    expect(await readMismatches(schema, machines[0]!.id, base - 30 * MINUTE, base + 22 * MINUTE, 60)).toEqual([]);
    expect(await readMismatches(schema, machines[1]!.id, fromMs, toMs, 3_600)).toEqual([]);
    // After it, the rollup tables themselves equal the raw points' aggregates.
    expect(await rollUpTenant(handleOf(schema), { untilMs: toMs, wait: true })).toBeGreaterThanOrEqual(0);
    expect(await rollupMismatches(schema, 'metric_rollup_1m', 'minute')).toEqual([]);
    expect(await rollupMismatches(schema, 'metric_rollup_1h', 'hour')).toEqual([]);
    expect(await readMismatches(schema, machines[2]!.id, fromMs, toMs, 3_600)).toEqual([]);
  });

  it('rolls up once a point stored while a round holds the watermark (the trickle reads the moved watermark)', async () => {
    const schema = schemaOf(tenants[0]!);
    const collectorId = machines[0]!.id;
    const from = await watermark(schema);
    const until = from + 2 * MINUTE;
    const job = await pool.connect();
    let trickle: Promise<number[]> | undefined;
    try {
      // A round, step by step: lock and move the watermark…
      await job.query('BEGIN');
      await job.query(`SELECT until FROM "${schema}".metric_rollup_watermark FOR UPDATE`);
      await job.query(`UPDATE "${schema}".metric_rollup_watermark SET until = $1`, [new Date(until)]);
      // …while a point between the old and the new watermark is stored: it must wait for the round.
      const commits = new GroupCommit(pool, { windowMs: 0, maxPoints: 20_000 });
      trickle = commits.store(tablesIn(schema), { collectorId, points: [{ timestamp: from + 30_000, values: { cpu_user: 42 } }] });
      await waitForLockWaiter();
      // …the round reads the points it covers (the waiting trickle's is not committed) and commits.
      const source = `SELECT * FROM "${schema}".metric_points WHERE ts >= $1 AND ts < $2`;
      await job.query(rollupPointsSql(tablesIn(schema), source), [new Date(from), new Date(until)]);
      await job.query('COMMIT');
    } finally {
      job.release();
    }
    expect(await trickle).toEqual([from + 30_000]);
    const { rows } = await pool.query<{ n: number; cpu: number }>(
      `SELECT sum(n)::int AS n, max(cpu_user_max) AS cpu FROM "${schema}".metric_rollup_1m WHERE collector_id = $1 AND bucket = $2`,
      [collectorId, new Date(from)],
    );
    expect(rows[0]).toEqual({ n: 1, cpu: 42 });
  });

  async function waitForLockWaiter(): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const { rows } = await pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the trickle never waited for the round');
  }

  it('moves only its own tenant: another tenant’s watermark, rollups and reads are untouched', async () => {
    const [a, b] = tenants as [TestTenant, TestTenant];
    const before = await watermark(schemaOf(b));
    await rollUpTenant(handleOf(schemaOf(a)), { untilMs: Date.now() + 2 * HOUR, wait: true });
    expect(await watermark(schemaOf(b))).toBe(before);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schemaOf(b)}".metric_rollup_1m`);
    expect(rows[0]).toEqual({ n: 0 });
    const read = await readSeries(pool, tablesIn(schemaOf(b)), {
      collectorId: machines[0]!.id,
      columns: ['cpu_user'],
      fromMs: Date.now() - 3 * HOUR,
      toMs: Date.now(),
      buckets: 3,
    });
    expect(read.metrics[0]!.max.every((v) => v === null)).toBe(true);
  });
});
