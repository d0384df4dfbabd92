/**
 * Series query and export figures of issue 9, each beside its baseline in the same run:
 * 7 days at 1 s for one collector (604,800 points, loaded with COPY through the ingest's
 * own statement so the rollups are real).
 *
 *   npx jest -c bench/jest.config.js bench/seriesAndExport
 *
 * Prints a Markdown table and writes it to bench/results/raw/seriesAndExport-<date>.md.
 * Knobs: BENCH_SERIES_RUNS (default 50), BENCH_EXPORT_RUNS (default 5), BENCH_NODE_ENV (default production).
 */
import { columnsOfGroups, MetricGroupEnum } from '../subgraphs/metrics/src/point/metricGroup.js';
import { alignRange, bucketStep } from '../subgraphs/metrics/src/read/bucketStep.js';
import { exportCopySql } from '../subgraphs/metrics/src/read/exportSql.js';
import { seriesSql } from '../subgraphs/metrics/src/read/readSeries.js';
import { seriesSource } from '../subgraphs/metrics/src/read/seriesSource.js';
import { SeriesDocument, SummaryDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { print } from 'graphql';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  copyPoints,
  exportUrl,
  realisticValues,
  registerMachine,
  schemaOf,
  seededRandom,
  signedAs,
  type TestMachine,
} from '../e2e/metrics/metricData.js';

const POINTS = 604_800;
const BUCKETS = 1_000;
const SERIES_RUNS = Number(process.env.BENCH_SERIES_RUNS ?? 50);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 5);
const run = promisify(execFile);
const TEST_TIMEOUT = 900_000;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(runs: number, once: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await once(); // warm-up: plans, JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

/** Downloads with curl (a separate process, as a client would): seconds and bytes. */
async function curlDownload(url: string, headers: Record<string, string>): Promise<{ seconds: number; bytes: number; status: number }> {
  const args = ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{time_total}', url];
  for (const [k, v] of Object.entries(headers)) args.unshift('-H', `${k}: ${v}`);
  const { stdout } = await run('curl', args);
  const [status, bytes, seconds] = stdout.trim().split(' ').map(Number) as [number, number, number];
  return { status, bytes, seconds };
}

describe('series and export benchmark', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let machine: TestMachine;
  let fromMs: number;
  let toMs: number;
  const rows: string[][] = [];
  const notes: string[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    machine = await registerMachine(tenant, 'bench-01');
    toMs = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    fromMs = toMs - POINTS * 1000;
    const random = seededRandom(1);
    const start = performance.now();
    await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
      fromMs,
      count: POINTS,
      values: (i) => realisticValues(i, random),
    });
    const seconds = (performance.now() - start) / 1000;
    await env.runtime.db.pool.query(`VACUUM ANALYZE "${schemaOf(tenant)}".metric_points`);
    await env.runtime.db.pool.query(`VACUUM ANALYZE "${schemaOf(tenant)}".metric_rollup_1m`);
    notes.push(
      `Libraries ran with NODE_ENV=${process.env.NODE_ENV}; machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at start.`,
    );
    notes.push(
      `Data: ${POINTS.toLocaleString('en')} points (7 days at 1 s, every column) loaded with COPY + the ingest statement (rollups included) in ${seconds.toFixed(1)} s (${Math.round(POINTS / seconds).toLocaleString('en')} rows/s).`,
    );
  }, 900_000);

  afterAll(async () => {
    const table = ['| figure | measured | baseline (same run) |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
    const text = `## Series and export (${new Date().toISOString().slice(0, 16)}Z)\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
    process.stdout.write(`\n${text}\n`);
    const dir = path.resolve(__dirname, 'results/raw');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `seriesAndExport-${new Date().toISOString().slice(0, 10)}.md`), text);
    await env?.stop();
  });

  it(
    'series: 7 days → 1,000 buckets, through the gateway vs the bucketing SQL alone',
    async () => {
      const variables = {
        collectorId: machine.id,
        group: 'CPU' as const,
        from: new Date(fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
        buckets: BUCKETS,
      };
      const client = clientFor(env, tenant.session.accessToken);
      const first = (await client.request(SeriesDocument, variables)).series;
      const gateway = await timed(SERIES_RUNS, () => client.request(SeriesDocument, variables));

      const direct = async () => {
        const response = await fetch(env.subgraphUrls.metrics, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedAs(env, tenant, { user: tenant.admin, role: 'ADMIN' }) },
          body: JSON.stringify({ query: print(SeriesDocument), variables }),
        });
        await response.json();
      };
      const subgraph = await timed(SERIES_RUNS, direct);

      const step = bucketStep(toMs - fromMs, BUCKETS);
      const range = alignRange(fromMs, toMs, step);
      const columns = columnsOfGroups([MetricGroupEnum.CPU]);
      const sqlClient = new pg.Client({ connectionString: env.databaseUrl });
      await sqlClient.connect();
      try {
        const params = [machine.id, new Date(range.fromMs), new Date(range.toMs), step, range.fromMs / 1000];
        const rollupSql = seriesSql(schemaOf(tenant), seriesSource(step), columns);
        const rawSql = seriesSql(schemaOf(tenant), seriesSource(1), columns);
        const rollup = await timed(SERIES_RUNS, () => sqlClient.query({ text: rollupSql, values: params, rowMode: 'array' }));
        const raw = await timed(Math.min(SERIES_RUNS, 20), () => sqlClient.query({ text: rawSql, values: params, rowMode: 'array' }));
        rows.push([
          `series CPU, 7 d → ${first.timestamps.length} buckets of ${first.bucketSeconds} s (${first.source}), through the gateway`,
          `p50 ${ms(gateway.p50)}, p95 ${ms(gateway.p95)}`,
          `same SQL alone (pg): p50 ${ms(rollup.p50)}, p95 ${ms(rollup.p95)}`,
        ]);
        rows.push([
          'same query sent to the metrics subgraph directly',
          `p50 ${ms(subgraph.p50)}, p95 ${ms(subgraph.p95)}`,
          `bucketing the ${POINTS.toLocaleString('en')} raw points in SQL (pg): p50 ${ms(raw.p50)}, p95 ${ms(raw.p95)}`,
        ]);
      } finally {
        await sqlClient.end();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'summary: 7 days, all 27 columns, exact percentiles',
    async () => {
      const client = clientFor(env, tenant.session.accessToken);
      const week = { collectorId: machine.id, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
      const day = { ...week, from: new Date(toMs - 86_400_000).toISOString() };
      const weekTimes = await timed(2, () => client.request(SummaryDocument, week));
      const dayTimes = await timed(5, () => client.request(SummaryDocument, day));
      const cpuWeek = await timed(3, () => client.request(SummaryDocument, { ...week, groups: ['CPU'] }));
      rows.push([
        'summary, 7 d (604,800 points), all 27 columns',
        `p50 ${ms(weekTimes.p50)}`,
        `24 h: p50 ${ms(dayTimes.p50)}; 7 d CPU only (5 columns): p50 ${ms(cpuWeek.p50)}`,
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'export: 7 days as streamed CSV vs COPY … TO STDOUT',
    async () => {
      const query = { start_date: new Date(fromMs).toISOString(), end_date: new Date(toMs).toISOString(), machine_id: machine.machineId };
      const sign = () => signedAs(env, tenant, { user: tenant.admin, role: 'ADMIN' });
      const results: Record<string, { seconds: number; bytes: number }[]> = { csv: [], json: [], gateway: [], copy: [], psql: [] };
      const sql = exportCopySql(
        schemaOf(tenant),
        { collectorId: machine.id, machineId: machine.machineId, from: new Date(fromMs), to: new Date(toMs) },
        'csv',
      );
      const baselineClient = new pg.Client({ connectionString: env.databaseUrl });
      await baselineClient.connect();
      try {
        for (let i = 0; i < EXPORT_RUNS; i++) {
          const csv = await curlDownload(exportUrl(env, { ...query, format: 'csv' }), sign());
          expect(csv.status).toBe(200);
          results.csv!.push(csv);
          results.json!.push(await curlDownload(exportUrl(env, { ...query, format: 'json' }), sign()));
          const viaGateway = await curlDownload(`${new URL('/api/v1/performance/export', env.gatewayUrl)}?${new URLSearchParams(query)}`, {
            authorization: `Bearer ${tenant.session.accessToken}`,
          });
          if (viaGateway.status === 200) results.gateway!.push(viaGateway);

          const start = performance.now();
          let bytes = 0;
          for await (const chunk of baselineClient.query(copyTo(sql)) as AsyncIterable<Buffer>) bytes += chunk.length;
          results.copy!.push({ seconds: (performance.now() - start) / 1000, bytes });

          const psqlStart = performance.now();
          const { stdout } = await run('bash', ['-c', `psql "$URL" -c "$SQL" | wc -c`], {
            env: { ...process.env, URL: env.databaseUrl, SQL: sql.replace(/\s+/g, ' ') },
          });
          results.psql!.push({ seconds: (performance.now() - psqlStart) / 1000, bytes: Number(stdout.trim()) });
        }
      } finally {
        await baselineClient.end();
      }
      const figure = (name: string) => {
        const list = results[name]!;
        if (!list.length) return 'n/a';
        const seconds = median(list.map((r) => r.seconds));
        const bytes = list[0]!.bytes;
        return `${seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(0)} MB, ${(bytes / 1e6 / seconds).toFixed(0)} MB/s`;
      };
      rows.push([
        'export CSV, 7 d, metrics subgraph (curl)',
        figure('csv'),
        `COPY … TO STDOUT (pg, same SQL): ${figure('copy')}; psql: ${figure('psql')}`,
      ]);
      rows.push([
        'export CSV, 7 d, through the gateway (curl)',
        figure('gateway'),
        results.gateway!.length ? '' : 'gateway /api proxy not there yet',
      ]);
      rows.push(['export JSON array, 7 d, metrics subgraph (curl)', figure('json'), '']);
    },
    TEST_TIMEOUT,
  );
});
