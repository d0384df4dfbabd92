import { generateMetricPoints, renderReportHtml } from '@perfanalysis/reports';
import { ReportDocument } from '@perfanalysis/sdk';
import { performance } from 'node:perf_hooks';
import { registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { copyPoints, realisticValues, seededRandom } from '../../e2e/metrics/metricData.js';
import { mb, median } from '../lib/stats.js';

const DAY = 86_400;
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);

export const reportPart: BenchPart = {
  name: 'report',
  figure: 'report, 24 h at 1 s → full HTML',
  async run(ctx) {
    // ---- the renderer alone, in this process: a day of a 4-CPU machine with disks and interfaces ----
    const points = generateMetricPoints({ seed: 1, count: DAY, intervalMs: 1000, cpus: 4 });
    const input = { machineId: 'web-01', hostname: 'web-01.example', points };
    renderReportHtml(input); // warm-up: JIT, jsdom, d3
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      bytes = Buffer.byteLength(renderReportHtml(input));
      times.push((performance.now() - t0) / 1000);
    }
    const seconds = median(times);

    // ---- the same day through the gateway and the reports subgraph, reading included ----
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collector = await registerCollector(tenant, 'report-day-01');
    const toMs = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const fromMs = toMs - DAY * 1000;
    const random = seededRandom(3);
    await copyPoints(platform.pool, tenant.schema, collector.id, { fromMs, count: DAY, values: (i) => realisticValues(i, random) });
    const variables = { collectorId: collector.id, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
    const served: number[] = [];
    let servedBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const { report } = await tenant.client.request(ReportDocument, variables);
      served.push((performance.now() - t0) / 1000);
      servedBytes = report.bytes;
    }
    const servedSeconds = median(served);
    ctx.notes.push(
      `Report: median of ${RUNS} after a warm-up. Renderer: 86,400 synthetic points of a 4-CPU machine with disks and interfaces, in memory. ` +
        `Subgraph: \`report\` query through the gateway for a day stored at 1 s (27 columns, no per-device rows), reading, rendering and storing the document: ${servedSeconds.toFixed(2)} s, ${mb(servedBytes)}.`,
    );
    return [
      {
        figure: 'report, 24 h at 1 s (86,400 points) → full HTML, renderer',
        measured: `${seconds.toFixed(2)} s, ${mb(bytes)}`,
        baseline: `— (through the gateway and reports subgraph, reading included: ${servedSeconds.toFixed(2)} s, ${mb(servedBytes)})`,
        goal: '< 1 s, < 1.5 MB',
        met: seconds < 1 && bytes < 1.5e6,
      },
      {
        figure: 'report, 24 h at 1 s via the reports subgraph (reading included)',
        measured: `${servedSeconds.toFixed(2)} s, ${mb(servedBytes)}`,
        baseline: `renderer alone ${seconds.toFixed(2)} s`,
        goal: '< 1 s, < 1.5 MB',
        met: servedSeconds < 1 && servedBytes < 1.5e6,
      },
    ];
  },
};
