/**
 * `npm run bench`: every figure of issue 9, each beside its baseline measured in the same run,
 * printed as a Markdown table and written to bench/results/<date>.md.
 *
 *   npm run bench                        all parts (about 10–12 minutes on 2 cores)
 *   npm run bench -- upload live         only these parts (or BENCH_PARTS=upload,live)
 *   npm run bench -- --list              the part names
 *
 * The platform runs as deployed: each subgraph and the gateway in its own process
 * (launcher/dist/startService.js) on a fresh database, with local PostgreSQL and Redis.
 * Knobs: BENCH_UPLOAD_ROWS, BENCH_UPLOAD_MONTH_AGENTS, BENCH_UPLOAD_MONTH_ROWS, BENCH_UPLOAD_MONTH_SECONDS, BENCH_TRICKLE_SECONDS, BENCH_LIVE_SUBSCRIBERS, BENCH_LIVE_SECONDS,
 * BENCH_IDLE_SUBSCRIPTIONS, BENCH_OVERHEAD_SECONDS, BENCH_SERIES_RUNS, BENCH_EXPORT_RUNS, BENCH_REPORT_RUNS,
 * BENCH_AGENT_SECONDS, BENCH_COLLECTORS, BENCH_COLLECTORS_RUNS, BENCH_FLEET_STEPS (e.g. 250,500), BENCH_FLEET_SECONDS,
 * BENCH_FLEET_TRANSPORTS (ws,http), BENCH_FLEET_AGENT_PROCESSES (2), BENCH_FLEET_EVERY_STEP=1 (no stop at the first step not held),
 * BENCH_TRICKLE_LIMIT (0: off; 120 is the production trickle budget per key and minute), BENCH_FLEET_REPORT_COLLECTORS, BENCH_FLEET_REPORT_RUNS;
 * BENCH_SERVICE_NODE_OPTIONS (NODE_OPTIONS of the platform processes only);
 * BENCH_CPU_PROF=<dir> (a .cpuprofile per platform process, named by pid, written when the platform stops).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchContext, type BenchPart } from './lib/context.js';
import { formatTable, type ResultRow } from './lib/stats.js';
import { runChildRole } from './lib/roles.js';
import { agentPart } from './parts/agent.js';
import { collectorsListPart } from './parts/collectorsList.js';
import { exportPart, seriesPart } from './parts/seriesAndExport.js';
import { fleetPart } from './parts/fleet.js';
import { idlePart } from './parts/idle.js';
import { livePart } from './parts/live.js';
import { overheadPart } from './parts/overhead.js';
import { reportPart } from './parts/report.js';
import { reportPdfPart } from './parts/reportPdf.js';
import { reportFleetPart } from './parts/reportFleet.js';
import { reportWeekPart } from './parts/reportWeek.js';
import { tricklePart } from './parts/trickle.js';
import { uploadPart } from './parts/upload.js';
import { uploadNewMonthPart } from './parts/uploadNewMonth.js';

const PARTS: readonly BenchPart[] = [
  uploadPart,
  uploadNewMonthPart,
  tricklePart,
  livePart,
  idlePart,
  overheadPart,
  collectorsListPart,
  seriesPart,
  exportPart,
  reportPart,
  reportWeekPart,
  reportPdfPart,
  reportFleetPart,
  agentPart,
  fleetPart,
];

function chosenParts(argv: readonly string[]): BenchPart[] {
  const names = [...argv, ...(process.env.BENCH_PARTS?.split(',') ?? [])].map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) return [...PARTS];
  const unknown = names.filter((n) => !PARTS.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')}`);
  return PARTS.filter((p) => names.includes(p.name));
}

function machineLine(started: Date): string {
  const load = os.loadavg().map((l) => l.toFixed(2));
  let pg = 'unknown';
  try {
    pg = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // psql missing: the baselines that need it will say so
  }
  return (
    `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${load.join(' / ')} (1/5/15 min); node ${process.version}; ${pg}`
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--list')) {
    for (const p of PARTS) console.log(`${p.name.padEnd(10)} ${p.figure}`);
    return;
  }
  const parts = chosenParts(argv);
  const started = new Date();
  const machine = machineLine(started);
  console.log(`bench: ${parts.map((p) => p.name).join(', ')} — ${machine}`);
  const ctx = new BenchContext();
  // Interrupted: still stop the platform's processes and drop its database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void ctx.stop().finally(() => process.exit(130)));
  }
  const rows: ResultRow[] = [];
  const timings: string[] = [];
  try {
    for (const part of parts) {
      const t0 = Date.now();
      console.log(`\n▶ ${part.name}: ${part.figure}`);
      try {
        const partRows = await part.run(ctx);
        rows.push(...partRows);
        for (const r of partRows) console.log(`  ${r.figure}: ${r.measured} | baseline ${r.baseline}`);
      } catch (error) {
        console.error(error);
        rows.push({ figure: part.figure, measured: `failed: ${(error as Error).message.split('\n')[0]}`, baseline: '', goal: '' });
      }
      timings.push(`${part.name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    // The results first: clean-up can wait on others (DROP DATABASE waits for every backend of the cluster).
    writeResults(started, machine, parts, rows, timings, ctx.notes);
  } finally {
    await ctx.stop();
  }
}

function writeResults(started: Date, machine: string, parts: BenchPart[], rows: ResultRow[], timings: string[], notes: string[]): void {
  const endLoad = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  const text = [
    `# Benchmarks ${started.toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machine}. Load average at the end ${endLoad}. Wall time ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min (${timings.join(', ')}).`,
    '',
    formatTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${started.toISOString().slice(0, 10)}${parts.length < PARTS.length ? `-${parts.map((p) => p.name).join('-')}` : ''}.md`,
  );
  writeFileSync(file, text);
  console.log(`\n${text}\nwritten to ${path.relative(process.cwd(), file)}`);
}

if (!runChildRole()) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
