import { CompareReportDocument, createClient, ReportDocument } from '@perfanalysis/sdk';
import { performance } from 'node:perf_hooks';
import { type BenchCollector, registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { copyPoints, realisticValues, seededRandom } from '../../e2e/metrics/metricData.js';
import { mb, median } from '../lib/stats.js';

const DAY = 86_400;
const COLLECTORS = Number(process.env.BENCH_FLEET_REPORT_COLLECTORS ?? 50);
/** Each run reads 4.3 M rows: one by default. */
const RUNS = Number(process.env.BENCH_FLEET_REPORT_RUNS ?? 1);

/** Median seconds of `runs` calls of `task`, and its last answer. */
async function timed<T>(runs: number, task: () => Promise<T>): Promise<{ seconds: number; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await task();
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(times), last };
}

/**
 * The fleet comparison (docs/report-comparisons.md) of 50 collectors × a day at 1 s through the
 * gateway, beside two baselines of the same rows: the single-collector report of a day × 50,
 * and the raw COPY that loaded them.
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
    let copySeconds = 0;
    for (let c = 0; c < COLLECTORS; c++) {
      const collector = await registerCollector(tenant, `fleet-report-${String(c).padStart(3, '0')}`);
      const random = seededRandom(100 + c);
      const t0 = performance.now();
      await copyPoints(platform.pool, tenant.schema, collector.id, { fromMs, count: DAY, values: (i) => realisticValues(i, random) });
      copySeconds += (performance.now() - t0) / 1000;
      collectors.push(collector);
    }
    const window = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    const single = await timed(RUNS, () => client.request(ReportDocument, { collectorId: collectors[0]!.id, ...window }));
    const fleet = await timed(RUNS, () =>
      client.request(CompareReportDocument, { input: { kind: 'FLEET', collectorIds: collectors.map((c) => c.id), windows: [window] } }),
    );
    const { compareReport } = fleet.last;
    const rows = COLLECTORS * DAY;
    ctx.notes.push(
      `Fleet report: ${COLLECTORS} collectors × 86,400 points (${rows.toLocaleString('en-US')} rows, 27 columns, no per-device rows), ` +
        `\`compareReport(kind: FLEET)\` through the gateway, median of ${RUNS}: reading every row, summarising each collector, rendering ` +
        `the HTML and storing it (${compareReport.points.toLocaleString('en-US')} points, ${mb(compareReport.bytes)}). Baselines: one ` +
        `collector's full \`report\` of the same day × ${COLLECTORS}, and the COPY (staging + ingest statement) that loaded the rows.`,
    );
    return [
      {
        figure: `fleet comparison, ${COLLECTORS} collectors × 24 h at 1 s → HTML, via the reports subgraph`,
        measured: `${fleet.seconds.toFixed(1)} s, ${mb(compareReport.bytes)}`,
        baseline: `single report × ${COLLECTORS}: ${(single.seconds * COLLECTORS).toFixed(1)} s; COPY of the rows: ${copySeconds.toFixed(1)} s`,
        goal: '< 5 s',
        met: fleet.seconds < 5,
      },
    ];
  },
};
