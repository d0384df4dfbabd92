import { bindTenant } from '@perfanalysis/platform';
import { ReportDocument } from '@perfanalysis/sdk';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
// The reports service's own COPY statement, from its build (its sources carry decorators the bundler cannot compile).
import { reportPointsCopySql } from '../../subgraphs/reports/dist/report/readReportPoints.js';
import type { BenchPart } from '../lib/context.js';
import { int, mb, median, ms, summarize } from '../lib/stats.js';
import { week } from './seriesAndExport.js';

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const run = promisify(execFile);

/** GETs the reports service's `/healthz` one after another until `done` settles: each round trip in ms. */
async function probeWhile(url: string, done: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  const times: number[] = [];
  while (!settled) {
    const t0 = performance.now();
    await (await fetch(url)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  return times;
}

export const reportWeekPart: BenchPart = {
  name: 'report-week',
  figure: 'report, 7 days at 1 s via the reports subgraph',
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const { collector, fromMs, toMs } = await week(ctx);
    const from = new Date(fromMs);
    const to = new Date(toMs);
    const variables = { collectorId: collector.id, from: from.toISOString(), to: to.toISOString() };
    const sql = reportPointsCopySql(bindTenant(platform.pool, tenant.slug), { collectorId: collector.id, from, to }).replace(/\s+/g, ' ');
    const healthz = new URL('/healthz', platform.urls.reports).toString();
    await tenant.client.request(ReportDocument, variables); // warm-up: plans, worker start, JIT
    const served: number[] = [];
    const copied: number[] = [];
    const probes: number[] = [];
    let points = 0;
    let bytes = 0;
    let copyBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const report = tenant.client.request(ReportDocument, variables);
      probes.push(...(await probeWhile(healthz, report)));
      ({ points, bytes } = (await report).report);
      served.push((performance.now() - t0) / 1000);
      const t1 = performance.now();
      const { stdout } = await run('bash', ['-c', 'psql "$URL" -c "$SQL" | wc -c'], {
        env: { ...process.env, URL: platform.databaseUrl, SQL: sql },
      });
      copied.push((performance.now() - t1) / 1000);
      copyBytes = Number(stdout.trim());
    }
    const seconds = median(served);
    const copySeconds = median(copied);
    const probe = summarize(probes);
    ctx.notes.push(
      `Report week: median of ${RUNS} \`report\` queries (full HTML) through the gateway after a warm-up, ${int(points)} points of one collector (no per-device rows); ` +
        `baseline \`psql -c "COPY (…the report's own SELECT…) TO STDOUT (FORMAT binary)" | wc -c\`; /healthz of the reports service probed back to back while each report was in flight.`,
    );
    return [
      {
        figure: `report, 7 days at 1 s (${int(points)} points) → full HTML via the reports subgraph`,
        measured: `${seconds.toFixed(2)} s, ${mb(bytes)}`,
        baseline: `psql binary COPY … TO STDOUT of the same rows: ${copySeconds.toFixed(2)} s, ${mb(copyBytes)}`,
        goal: '< 3 s',
        met: seconds < 3,
      },
      {
        figure: 'reports service /healthz round trip while that report is in flight',
        measured: `p99 ${ms(probe.p99)}, max ${ms(probe.max)} (${int(probe.count)} probes)`,
        baseline: `p50 ${ms(probe.p50)}`,
        goal: 'p99 < 50 ms',
        met: probe.p99 < 50,
      },
    ];
  },
};
