import { tenantTables } from '@perfanalysis/platform';
import { SeriesDocument } from '@perfanalysis/sdk';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { copyPoints, realisticValues, seededRandom } from '../../e2e/metrics/metricData.js';
// The metrics service's own SQL, from its build (its sources carry decorators the bundler cannot compile).
import { columnsOfGroups, MetricGroupEnum } from '../../subgraphs/metrics/dist/point/metricGroup.js';
import { alignRange, bucketStep } from '../../subgraphs/metrics/dist/read/bucketStep.js';
import { exportCopySql } from '../../subgraphs/metrics/dist/read/exportSql.js';
import { seriesSql } from '../../subgraphs/metrics/dist/read/readSeries.js';
import { seriesSource } from '../../subgraphs/metrics/dist/read/seriesSource.js';
import { type BenchCollector, registerCollector } from '../lib/benchPlatform.js';
import type { BenchContext, BenchPart } from '../lib/context.js';
import { int, mb, median, ms, summarize } from '../lib/stats.js';

const POINTS = 604_800; // 7 days at 1 s
const BUCKETS = 1_000;
const SERIES_RUNS = Number(process.env.BENCH_SERIES_RUNS ?? 50);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const run = promisify(execFile);

export interface Week {
  readonly collector: BenchCollector;
  readonly fromMs: number;
  readonly toMs: number;
}

/** One collector's week at 1 s, loaded with COPY and the ingest's own statement (so the rollups are real). */
export function week(ctx: BenchContext): Promise<Week> {
  return ctx.once('week', async () => {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collector = await registerCollector(tenant, 'db-week-01');
    const toMs = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    const fromMs = toMs - POINTS * 1000;
    const random = seededRandom(1);
    const t0 = performance.now();
    await copyPoints(platform.pool, tenant.schema, collector.id, { fromMs, count: POINTS, values: (i) => realisticValues(i, random) });
    await platform.pool.query(`VACUUM ANALYZE "${tenant.schema}".metric_points`);
    await platform.pool.query(`VACUUM ANALYZE "${tenant.schema}".metric_rollup_1m`);
    ctx.notes.push(
      `Series/export data: ${int(POINTS)} points (7 days at 1 s, all 27 columns, realistic shapes) of one collector loaded with COPY + the ingest statement (rollups included) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );
    return { collector, fromMs, toMs };
  });
}

async function timed(runs: number, once: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await once(); // warm-up: plans, JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

export const seriesPart: BenchPart = {
  name: 'series',
  figure: 'series query, 7 days at 1 s → 1,000 buckets',
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const { collector, fromMs, toMs } = await week(ctx);
    const variables = {
      collectorId: collector.id,
      group: 'CPU' as const,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      buckets: BUCKETS,
    };
    const first = (await tenant.client.request(SeriesDocument, variables)).series;
    const gateway = await timed(SERIES_RUNS, () => tenant.client.request(SeriesDocument, variables));

    const step = bucketStep(toMs - fromMs, BUCKETS);
    const range = alignRange(fromMs, toMs, step);
    const columns = columnsOfGroups([MetricGroupEnum.CPU]);
    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    try {
      const params = [collector.id, new Date(range.fromMs), new Date(range.toMs), step, range.fromMs / 1000];
      const rollupSql = seriesSql(tenantTables(tenant.slug), seriesSource(step), columns);
      const rawSql = seriesSql(tenantTables(tenant.slug), seriesSource(1), columns);
      const rollup = await timed(SERIES_RUNS, () => client.query({ text: rollupSql, values: params, rowMode: 'array' }));
      const raw = await timed(Math.min(SERIES_RUNS, 10), () => client.query({ text: rawSql, values: params, rowMode: 'array' }));
      ctx.notes.push(
        `Series: the CPU group (5 columns) over 7 days, ${first.timestamps.length} buckets of ${first.bucketSeconds} s read from ${first.source}; ${SERIES_RUNS} runs after 5 warm-ups. ` +
          `Bucketing the ${int(POINTS)} raw points in SQL instead: p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}.`,
      );
      return [
        {
          figure: `series query, 7 days at 1 s (${int(POINTS)} points) → ${first.timestamps.length} buckets, through the gateway`,
          measured: `p50 ${ms(gateway.p50)}, p95 ${ms(gateway.p95)}`,
          baseline: `the bucketing SQL alone (pg, same rollup table): p50 ${ms(rollup.p50)}, p95 ${ms(rollup.p95)}`,
          goal: 'p95 < 150 ms',
          met: gateway.p95 < 150,
        },
      ];
    } finally {
      await client.end();
    }
  },
};

/** Downloads with curl (a separate process, as a client would): seconds and bytes. */
async function curlDownload(url: string, headers: Record<string, string>): Promise<{ seconds: number; bytes: number; status: number }> {
  const args = ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{time_total}', url];
  for (const [k, v] of Object.entries(headers)) args.unshift('-H', `${k}: ${v}`);
  const { stdout } = await run('curl', args, { maxBuffer: 1 << 20 });
  const [status, bytes, seconds] = stdout.trim().split(' ').map(Number) as [number, number, number];
  return { status, bytes, seconds };
}

export const exportPart: BenchPart = {
  name: 'export',
  figure: 'export, 7 days at 1 s as streamed CSV',
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const { collector, fromMs, toMs } = await week(ctx);
    const query = new URLSearchParams({
      start_date: new Date(fromMs).toISOString(),
      end_date: new Date(toMs).toISOString(),
      machine_id: collector.machineId,
      format: 'csv',
    });
    const url = `${new URL('/api/v1/performance/export', platform.gatewayUrl)}?${query}`;
    const sql = exportCopySql(
      tenantTables(tenant.slug),
      { collectorId: collector.id, machineId: collector.machineId, from: new Date(fromMs), to: new Date(toMs) },
      'csv',
    );
    const viaGateway: { seconds: number; bytes: number }[] = [];
    const viaCopy: { seconds: number; bytes: number }[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const download = await curlDownload(url, { authorization: `Bearer ${tenant.token}` });
      if (download.status !== 200) throw new Error(`export answered HTTP ${download.status}`);
      viaGateway.push(download);
      const t0 = performance.now();
      const { stdout } = await run('bash', ['-c', 'psql "$URL" -c "$SQL" | wc -c'], {
        env: { ...process.env, URL: platform.databaseUrl, SQL: sql.replace(/\s+/g, ' ') },
      });
      viaCopy.push({ seconds: (performance.now() - t0) / 1000, bytes: Number(stdout.trim()) });
    }
    const figure = (list: { seconds: number; bytes: number }[]) => {
      const seconds = median(list.map((r) => r.seconds));
      return { seconds, text: `${seconds.toFixed(2)} s, ${mb(list[0]!.bytes)}, ${(list[0]!.bytes / 1e6 / seconds).toFixed(0)} MB/s` };
    };
    const gateway = figure(viaGateway);
    const copy = figure(viaCopy);
    const compressed = [];
    for (const coding of ['br', 'gzip']) {
      const download = await curlDownload(url, { authorization: `Bearer ${tenant.token}`, 'accept-encoding': coding });
      if (download.status !== 200) throw new Error(`export (${coding}) answered HTTP ${download.status}`);
      compressed.push({
        figure: `the same export with Accept-Encoding: ${coding}`,
        measured: `${download.seconds.toFixed(2)} s, ${mb(download.bytes)} on the wire`,
        baseline: `uncompressed: ${gateway.text}`,
        goal: 'fewer bytes (measured, no goal)',
        met: download.bytes < viaGateway[0]!.bytes,
      });
    }
    ctx.notes.push(
      `Export: median of ${EXPORT_RUNS} downloads with curl through the gateway's /api proxy; baseline \`psql -c "COPY (…same SELECT…) TO STDOUT" | wc -c\`.`,
    );
    return [
      {
        figure: `export, 7 days at 1 s (${int(POINTS)} rows) as streamed CSV, through the gateway`,
        measured: gateway.text,
        baseline: `psql COPY … TO STDOUT: ${copy.text}`,
        goal: '< 2 s',
        met: gateway.seconds < 2,
      },
      ...compressed,
    ];
  },
};
