import { METRIC_COLUMNS, type MetricColumn } from '@perfanalysis/contract';
import {
  COMPARISON_COLUMNS,
  compareFleet,
  type FleetMember,
  renderComparisonHtml,
  ReportDataBuilder,
  summarizeFleetMember,
} from '@perfanalysis/reports';
import { bindTenant } from '@perfanalysis/platform';
import { CompareReportDocument, createClient, ReportDocument } from '@perfanalysis/sdk';
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
// The reports service's own COPY statement, from its build (its sources carry decorators the bundler cannot compile).
import { reportPointsCopySql } from '../../subgraphs/reports/dist/report/readReportPoints.js';
import { type BenchCollector, registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { backendsOf, trackCpuSeconds } from '../lib/processCpu.js';
import { copyPoints, realisticValues, seededRandom } from '../../e2e/metrics/metricData.js';
import { mb, median } from '../lib/stats.js';

const run = promisify(execFile);
const DAY = 86_400;
const COLLECTORS = Number(process.env.BENCH_FLEET_REPORT_COLLECTORS ?? 50);
/** Each run reads 4.3 M rows: one by default. */
const RUNS = Number(process.env.BENCH_FLEET_REPORT_RUNS ?? 1);
/** The renderer's own goal for 50 collectors × a day (the starting goal), and what reading may add on top. */
const RENDER_GOAL_S = 5;

/**
 * Median seconds of `runs` calls of `task`, its last answer, and the CPU seconds per call of
 * each group of `cpu` (a service, its event loop thread, the database's backends).
 */
async function timed<T>(
  runs: number,
  task: () => Promise<T>,
  cpu: () => Record<string, readonly (number | string)[]> = () => ({}),
): Promise<{ seconds: number; last: T; cpu: Record<string, number> }> {
  const times: number[] = [];
  let last!: T;
  const tracker = trackCpuSeconds(cpu);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await task();
    times.push((performance.now() - t0) / 1000);
  }
  const used = Object.entries(tracker.stop()).map(([name, seconds]) => [name, seconds / runs] as const);
  return { seconds: median(times), last, cpu: Object.fromEntries(used) };
}

/** `{ group: seconds }` as "group 1.2 s, …". */
const cpuText = (cpu: Record<string, number>) =>
  Object.entries(cpu)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(', ');

/** Collector `c`'s day as the service's builder holds it after reading (the values the bench loaded, the columns the service reads). */
function builderOf(c: number, fromMs: number): ReportDataBuilder {
  const random = seededRandom(100 + c);
  const builder = new ReportDataBuilder({}, DAY);
  const row = new Float64Array(METRIC_COLUMNS.length);
  const read = METRIC_COLUMNS.map((column) => COMPARISON_COLUMNS.includes(column));
  for (let i = 0; i < DAY; i++) {
    const values = realisticValues(i, random);
    METRIC_COLUMNS.forEach((column, k) => (row[k] = read[k] ? Math.fround(values[column] ?? Number.NaN) : Number.NaN));
    builder.addRow(fromMs + i * 1000, row);
  }
  return builder;
}

/**
 * The renderer alone, on this thread: each collector's summaries and heatmap slices from its
 * filled builder, then the fleet's HTML — what the render pool does, without reading.
 */
function rendererSeconds(fromMs: number, toMs: number): number {
  const meta = { from: new Date(fromMs), to: new Date(toMs) };
  let seconds = 0;
  const members: FleetMember[] = [];
  for (let c = 0; c < COLLECTORS; c++) {
    const builder = builderOf(c, fromMs);
    const name = `fleet-report-${String(c).padStart(3, '0')}`;
    const t0 = performance.now();
    members.push(summarizeFleetMember(name, builder.finish({ machineId: name, ...meta })));
    seconds += (performance.now() - t0) / 1000;
  }
  const t0 = performance.now();
  renderComparisonHtml(compareFleet(members, { from: fromMs, to: toMs }), toMs);
  return seconds + (performance.now() - t0) / 1000;
}

/**
 * The fleet comparison (docs/report-comparisons.md) of 50 collectors × a day at 1 s through the
 * gateway, beside the floor of reading the same rows (the service's own binary COPY, by psql),
 * and the renderer's own figure: summarising and rendering the same data already in memory.
 */
export const reportFleetPart: BenchPart = {
  name: 'reportFleet',
  figure: `fleet comparison, ${COLLECTORS} collectors × 24 h at 1 s → HTML`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    // Reading 4.3 M rows on a loaded machine can take minutes: a generous deadline, not a bound.
    const client = createClient({ url: platform.gatewayUrl, token: tenant.token, timeoutMs: 900_000 });
    const toMs = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const fromMs = toMs - DAY * 1000;
    const collectors: BenchCollector[] = [];
    for (let c = 0; c < COLLECTORS; c++) {
      const collector = await registerCollector(tenant, `fleet-report-${String(c).padStart(3, '0')}`);
      const random = seededRandom(100 + c);
      await copyPoints(platform.pool, tenant.schema, collector.id, { fromMs, count: DAY, values: (i) => realisticValues(i, random) });
      collectors.push(collector);
    }
    await platform.pool.query(`VACUUM ANALYZE "${tenant.schema}".metric_points`);
    const window = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    const single = await timed(RUNS, () => client.request(ReportDocument, { collectorId: collectors[0]!.id, ...window }));
    const database = new URL(platform.databaseUrl).pathname.slice(1);
    const reports = platform.pids.reports;
    const fleet = await timed(
      RUNS,
      () =>
        client.request(CompareReportDocument, { input: { kind: 'FLEET', collectorIds: collectors.map((c) => c.id), windows: [window] } }),
      () => ({
        'reports service': [reports],
        'its event loop': [`${reports}/task/${reports}`],
        'PostgreSQL backends': backendsOf(database),
      }),
    );
    const range = { from: new Date(fromMs), to: new Date(toMs) };
    // The floor: the same binary COPY the service sends, of the columns it reads, then of every column — by psql.
    const floor = (columns: readonly MetricColumn[]) => {
      const copies = collectors.flatMap((c) => [
        '-c',
        reportPointsCopySql(bindTenant(platform.pool, tenant.slug), { collectorId: c.id, ...range, columns }).replace(/\s+/g, ' '),
      ]);
      return timed(
        RUNS,
        () => run('psql', [platform.databaseUrl, '-q', '-o', '/dev/null', ...copies], { maxBuffer: 1 << 20 }),
        () => ({ 'PostgreSQL backends': backendsOf(database) }),
      );
    };
    const read = await floor(COMPARISON_COLUMNS);
    const readAll = await floor(METRIC_COLUMNS);
    const renderer = rendererSeconds(fromMs, toMs);
    const { compareReport } = fleet.last;
    const rows = COLLECTORS * DAY;
    const goal = read.seconds + RENDER_GOAL_S;
    ctx.notes.push(
      `Fleet report: ${COLLECTORS} collectors × 86,400 points (${rows.toLocaleString('en-US')} rows, no per-device rows), ` +
        `\`compareReport(kind: FLEET)\` through the gateway, median of ${RUNS}: reading the ${COMPARISON_COLUMNS.length} of ` +
        `${METRIC_COLUMNS.length} columns a comparison uses (COMPARISON_COLUMNS), summarising each collector in the render ` +
        `pool while the next is read, rendering the HTML and storing it (${compareReport.points.toLocaleString('en-US')} points, ` +
        `${mb(compareReport.bytes)}); CPU per request: ${cpuText(fleet.cpu)}, in ${fleet.seconds.toFixed(1)} s. ` +
        `Floor: the service's own binary COPY of every collector's day, one after another, by psql to /dev/null — of the ` +
        `${COMPARISON_COLUMNS.length} columns the service reads ${read.seconds.toFixed(1)} s (${cpuText(read.cpu)}), of all ` +
        `${METRIC_COLUMNS.length} ${readAll.seconds.toFixed(1)} s (${cpuText(readAll.cpu)}). ` +
        `Renderer: the same values already in builders, summarised and rendered on the bench's thread (no reading). The end-to-end goal ` +
        `is the read floor of the columns read plus the renderer's ${RENDER_GOAL_S} s: no fleet report can be faster than reading its rows.`,
    );
    return [
      {
        figure: `fleet comparison, ${COLLECTORS} collectors × 24 h at 1 s → HTML, renderer alone (summaries + document)`,
        measured: `${renderer.toFixed(1)} s`,
        baseline: `one collector's full report via the gateway: ${single.seconds.toFixed(1)} s`,
        goal: `< ${RENDER_GOAL_S} s`,
        met: renderer < RENDER_GOAL_S,
      },
      {
        figure: `fleet comparison, ${COLLECTORS} collectors × 24 h at 1 s → HTML, via the reports subgraph`,
        measured: `${fleet.seconds.toFixed(1)} s, ${mb(compareReport.bytes)}`,
        baseline:
          `binary COPY of the same rows (read floor), the ${COMPARISON_COLUMNS.length} columns read: ${read.seconds.toFixed(1)} s; ` +
          `all ${METRIC_COLUMNS.length}: ${readAll.seconds.toFixed(1)} s`,
        goal: `< read floor + ${RENDER_GOAL_S} s = ${goal.toFixed(1)} s`,
        met: fleet.seconds < goal,
      },
    ];
  },
};
