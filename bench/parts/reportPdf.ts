import { generateMetricPoints, prepareReportData, renderPreparedReportHtml, renderPreparedReportPdf } from '@perfanalysis/reports';
import { performance } from 'node:perf_hooks';
import type { BenchPart } from '../lib/context.js';
import { mb, median } from '../lib/stats.js';

const DAY = 86_400;
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);

/** Median seconds of `runs` calls after one warm-up, and the size of the last answer. */
async function timed(runs: number, render: () => Promise<string | Buffer> | string | Buffer): Promise<{ seconds: number; bytes: number }> {
  await render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const output = await render();
    times.push((performance.now() - t0) / 1000);
    bytes = Buffer.byteLength(output);
  }
  return { seconds: median(times), bytes };
}

/** The PDF of a day beside the HTML of the same prepared data, both in this process. */
export const reportPdfPart: BenchPart = {
  name: 'reportPdf',
  figure: 'report, 24 h at 1 s → PDF',
  async run(ctx) {
    const points = generateMetricPoints({ seed: 1, count: DAY, intervalMs: 1000, cpus: 4 });
    const meta = { machineId: 'web-01', hostname: 'web-01.example' };
    const data = prepareReportData({ ...meta, points });
    const html = await timed(RUNS, () => renderPreparedReportHtml(data, meta));
    const pdf = await timed(RUNS, () => renderPreparedReportPdf(data, meta));
    ctx.notes.push(
      `Report PDF: median of ${RUNS} after a warm-up, from the same prepared day (86,400 synthetic points, 4 CPUs, 2 disks, 2 interfaces); ` +
        'the HTML of that data is the same-run baseline. Both draw the same SVG charts; the PDF also converts them to PDF paths and text.',
    );
    return [
      {
        figure: 'report, 24 h at 1 s → PDF (A4, vector charts), renderer',
        measured: `${pdf.seconds.toFixed(2)} s, ${mb(pdf.bytes)}`,
        baseline: `HTML of the same data ${html.seconds.toFixed(2)} s, ${mb(html.bytes)}`,
        goal: '< 2 s',
        met: pdf.seconds < 2,
      },
    ];
  },
};
