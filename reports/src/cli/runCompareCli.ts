import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compareBeforeAfter, type ComparisonSide } from '../compare/compareBeforeAfter.js';
import { compareFleet } from '../compare/compareFleet.js';
import { type FleetMember, summarizeFleetMember } from '../compare/fleetMember.js';
import { renderComparisonHtml } from '../compare/renderComparisonHtml.js';
import { renderComparisonPdf } from '../compare/renderComparisonPdf.js';
import { renderComparisonSvg } from '../compare/renderComparisonSvg.js';
import type { ReportData } from '../data/prepareReportData.js';
import { csvReadFailure } from './csvReadFailure.js';
import type { CompareCliOptions } from './parseCompareOptions.js';
import { readCsvReportData } from './readCsvReportData.js';
import type { CliIo } from './runCli.js';

/**
 * `perfreport --compare`: CSV files in, a before/after or fleet comparison out
 * (docs/report-comparisons.md). Fleet files are read one at a time and reduced to their
 * summaries. Exit codes as for a report.
 */
export async function runCompareCli(options: CompareCliOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const cwd = io.cwd ?? process.cwd();
  const datas: ReportData[] = [];
  const members: FleetMember[] = [];
  let points = 0;
  for (const read of options.reads) {
    let data: ReportData;
    try {
      ({ data } = await readCsvReportData(createReadStream(path.resolve(cwd, read.csv)), {
        fallbackMachine: path.basename(read.csv).replace(/\.[^.]*$/, ''),
        ...read.window,
      }));
    } catch (error) {
      const failure = csvReadFailure(error, read.csv);
      if (failure === undefined) throw error;
      io.stderr.write(failure);
      return 1;
    }
    points += data.time.length;
    if (options.compare === 'fleet') members.push(summarizeFleetMember(data.machineId, data));
    else datas.push(data);
  }
  const comparison =
    options.compare === 'fleet'
      ? compareFleet(members, { from: options.reads[0]!.window.from!, to: options.reads[0]!.window.to! })
      : compareBeforeAfter(...beforeAfterSides(datas, options.reads[0]!.csv === options.reads[1]!.csv));
  const output =
    options.format === 'pdf'
      ? await renderComparisonPdf(comparison, Date.now())
      : options.format === 'svg'
        ? renderComparisonSvg(comparison)
        : renderComparisonHtml(comparison);
  if (options.out === '-') io.stdout.write(output);
  else await writeFile(path.resolve(cwd, options.out), output);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stderr.write(
    `perfreport: ${options.compare} comparison of ${options.reads.length} reads, ${points.toLocaleString('en-US')} samples → ` +
      `${options.out === '-' ? 'stdout' : options.out} in ${seconds} s\n`,
  );
  return 0;
}

/** The two sides, labelled by machine, or by role when both are the same machine. */
function beforeAfterSides(datas: readonly ReportData[], sameFile: boolean): [ComparisonSide, ComparisonSide] {
  const [before, after] = datas as [ReportData, ReportData];
  const same = sameFile || before.machineId === after.machineId;
  return [
    { label: same ? `${before.machineId} before` : before.machineId, data: before },
    { label: same ? `${after.machineId} after` : after.machineId, data: after },
  ];
}
