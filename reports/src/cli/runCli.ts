import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { formatDuration, formatUtc } from '../format/formatTime.js';
import { renderChartSvg } from '../renderChartSvg.js';
import { renderPreparedReportPdf } from '../pdf/renderReportPdf.js';
import { renderPreparedReportHtml } from '../report/renderReportHtml.js';
import { CliUsageError, parseCliArgs, USAGE } from './parseCliArgs.js';
import { csvReadFailure } from './csvReadFailure.js';
import { readCsvReportData } from './readCsvReportData.js';
import { readProfileFile } from './readProfileFile.js';
import { runCompareCli } from './runCompareCli.js';

/** Where the CLI reads and writes; the process's streams in `cli.ts`, buffers in tests. */
export interface CliIo {
  readonly stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  readonly stdout: { write(output: string | Uint8Array): unknown };
  readonly stderr: { write(text: string): unknown };
  /**
   * Directory relative paths are resolved against. `npm run report` runs in the repository
   * root, so `cli.ts` passes npm's INIT_CWD: the directory the user typed the command in.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

/**
 * `perfreport`: CSV in, HTML or PDF report or one SVG chart out. Returns the exit code: 0 written,
 * 1 unreadable or empty input (the parser's `INVALID_CSV_FORMAT` / `INVALID_VALUE` messages
 * included), 2 bad command line.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseCliArgs(args);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`perfreport: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('compare' in options) return runCompareCli(options, io);
  const started = performance.now();
  const cwd = io.cwd ?? process.cwd();
  const csvPath = path.resolve(cwd, options.csv);
  const outPath = path.resolve(cwd, options.out);
  let profile;
  try {
    profile = options.profile === undefined ? undefined : await readProfileFile(path.resolve(cwd, options.profile));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`perfreport: ${error.message}\n`);
    return 2;
  }
  const source = options.csv === '-' ? io.stdin : createReadStream(csvPath);
  let read;
  try {
    read = await readCsvReportData(source, {
      ...(options.machine !== undefined ? { machine: options.machine } : {}),
      fallbackMachine: options.csv === '-' ? 'stdin' : path.basename(options.csv).replace(/\.[^.]*$/, ''),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.to !== undefined ? { to: options.to } : {}),
      meta: {
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.hostname !== undefined ? { hostname: options.hostname } : {}),
        capacities: { ...profile?.capacities, ...(options.cpus !== undefined ? { cpuCount: options.cpus } : {}) },
      },
    });
  } catch (error) {
    const failure = csvReadFailure(error, options.csv);
    if (failure === undefined) throw error;
    io.stderr.write(failure);
    return 1;
  }
  const { data, header, rows } = read;
  const meta = {
    machineId: data.machineId,
    ...(options.sections ? { sections: options.sections } : {}),
    ...(profile ? { thresholds: profile.thresholds } : {}),
  };
  const output = options.svg
    ? renderChartSvg(options.svg, data)
    : options.pdf
      ? await renderPreparedReportPdf(data, meta)
      : renderPreparedReportHtml(data, meta);
  if (options.out === '-') io.stdout.write(output);
  else await writeFile(outPath, output);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const kb = Math.round(Buffer.byteLength(output) / 1024).toLocaleString('en-US');
  io.stderr.write(
    `perfreport: ${data.time.length.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows of ${data.machineId}, ` +
      `${formatUtc(data.from)} → ${formatUtc(data.to)} (${formatDuration(data.to - data.from)}) → ` +
      `${options.out === '-' ? 'stdout' : options.out} (${kb} KB) in ${seconds} s\n`,
  );
  if (header.ignored.length) io.stderr.write(`perfreport: ignored unknown columns: ${header.ignored.join(', ')}\n`);
  return 0;
}
