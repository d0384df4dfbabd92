/**
 * `node bench/dist/profileTop.js <file.cpuprofile>… [--top N] [--window FROM-TO]`: the frames and
 * packages with the most self time, and the frames with the most inclusive time, in CPU profiles written by `BENCH_CPU_PROF=<dir> npm run bench
 * -- <part>`, as Markdown (idle time left out; shares are of the busy time). `--window` keeps the
 * samples of one stretch of the monotonic clock in microseconds, as the fleet part prints it per
 * step when profiling.
 */
import path from 'node:path';
import { type SelfTime, selfTimes, type Window } from './lib/cpuProfile.js';

function table(title: string, rows: readonly SelfTime[]): string {
  const lines = rows.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(1)} |`);
  return [`| ${title} | self ms | % of busy |`, '| --- | ---: | ---: |', ...lines].join('\n');
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function main(argv: readonly string[]): void {
  const top = Number(option(argv, '--top') ?? 25);
  const span = option(argv, '--window')?.split('-').map(Number);
  const window: Window | undefined = span && { fromUs: span[0]!, toUs: span[1]! };
  const files = argv.filter((a) => a.endsWith('.cpuprofile'));
  if (files.length === 0 || (window && !(window.fromUs < window.toUs))) {
    console.error('usage: node bench/dist/profileTop.js <file.cpuprofile>… [--top N] [--window FROM-TO]');
    process.exit(2);
  }
  for (const file of files) {
    const { frames, packages, inclusive, busyMs } = selfTimes(file, top, window);
    console.log(`### ${path.basename(file)}: ${(busyMs / 1000).toFixed(1)} s busy\n`);
    console.log(`${table('package', packages.slice(0, 12))}\n`);
    console.log(`${table('frame', frames)}\n`);
    console.log(`${table('frame (inclusive: with what it calls)', inclusive).replace('self ms', 'ms')}\n`);
  }
}

main(process.argv.slice(2));
