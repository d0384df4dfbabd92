/**
 * Measures the report of a day at one-second resolution (86,400 points, 4 CPUs, 2 disks,
 * 2 interfaces): render time and HTML size, against the goal of < 1 s and < 1.5 MB (issue 9).
 *
 * Run (from the repository root; esbuild bundles this file, the packages stay external):
 *   npx tsc -b reports && npx esbuild reports/scripts/measureDay.ts --bundle --platform=node \
 *     --packages=external --outfile=reports/scripts/dist/measureDay.js \
 *     && node --expose-gc reports/scripts/dist/measureDay.js
 * Type-check: npx tsc -p reports/scripts
 *
 * Three paths are timed, each as the median of several runs after a warm-up, with a full GC
 * before each run so one run's garbage is not billed to the next:
 * - points → HTML: `renderReportHtml` over 86,400 `MetricPoint` objects held in memory
 *   (what a caller with an array pays; the objects alone are ~200 MB of heap);
 * - prepared → HTML: `renderPreparedReportHtml` on data already in columns (render alone);
 * - CSV → HTML: the CLI's path, streaming a canonical CSV through the contract's parser into
 *   a `ReportDataBuilder` (parsing included).
 */
import { formatMetricsCsv } from '@perfanalysis/contract';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  defaultDocument,
  generateMetricPoints,
  prepareReportData,
  renderPreparedReportHtml,
  renderReportHtml,
  runCli,
} from '../src/index.js';

const RUNS = Number(process.env.RUNS ?? 5);
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeRuns(run: () => unknown | Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await run(); // warm-up: JIT, jsdom, d3
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

async function main(): Promise<void> {
  const points = generateMetricPoints({ seed: 1, count: 86_400, intervalMs: 1000, cpus: 4 });
  const input = { machineId: 'web-01', hostname: 'web-01.example', points };

  const coldStart = performance.now();
  defaultDocument();
  const cold = renderReportHtml(input);
  const coldMs = performance.now() - coldStart;

  const html = renderReportHtml(input);
  if (html !== cold) throw new Error('the report is not deterministic');
  const bytes = Buffer.byteLength(html);
  const gzipped = gzipSync(html).length;

  const fromPoints = await timeRuns(() => renderReportHtml(input));
  const data = prepareReportData(input);
  const prepared = await timeRuns(() => renderPreparedReportHtml(data, { machineId: 'web-01' }));

  const csvFile = path.join(tmpdir(), 'perfanalysis-day.csv');
  writeFileSync(csvFile, formatMetricsCsv(points.map((point) => ({ machineId: 'web-01', point }))));
  const outFile = path.join(tmpdir(), 'perfanalysis-day.html');
  const quiet = { write: (): boolean => true };
  const fromCsv = await timeRuns(async () => {
    const code = await runCli(['--csv', csvFile, '--out', outFile], { stdin: [], stdout: quiet, stderr: quiet });
    if (code !== 0) throw new Error(`perfreport exited ${code}`);
  });

  const s = (ms: number): string => (ms / 1000).toFixed(3);
  const row = (name: string, t: { median: number; min: number; max: number }): string =>
    `| ${name} | ${s(t.median)} s | ${s(t.min)}–${s(t.max)} s |`;
  console.log(`Report of 24 h at 1 s (86,400 points; 4 CPUs, 2 disks, 2 interfaces), ${RUNS} runs, Node ${process.version}\n`);
  console.log('| path | median | range |');
  console.log('|---|---|---|');
  console.log(row('points in memory → HTML (`renderReportHtml`)', fromPoints));
  console.log(row('prepared columns → HTML (render only)', prepared));
  console.log(row('CSV file → HTML (CLI path, parsing included)', fromCsv));
  console.log(`| first call in a fresh process (jsdom start-up included) | ${s(coldMs)} s | — |`);
  console.log(
    `\nHTML: ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024 / 1024).toFixed(2)} MB), ${gzipped.toLocaleString('en-US')} gzipped`,
  );
  console.log(
    `goal < 1 s: ${fromPoints.median < 1000 ? 'met' : 'missed'} (points), ${prepared.median < 1000 ? 'met' : 'missed'} (render); goal < 1.5 MB: ${bytes < 1.5 * 1024 * 1024 ? 'met' : 'missed'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
