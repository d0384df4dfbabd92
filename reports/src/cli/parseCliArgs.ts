import { parseArgs } from 'node:util';
import { CHART_NAMES, isChartName, type ChartName } from '../charts/chartRegistry.js';
import { REPORT_SECTIONS, type ReportSection } from '../reportInput.js';
import { CliUsageError } from './cliUsageError.js';
import { type CompareCliOptions, parseCompareOptions } from './parseCompareOptions.js';

/** What `perfreport` was asked to do. */
export interface CliOptions {
  /** CSV file to read; `-` for standard input. */
  readonly csv: string;
  /** File to write; `-` for standard output. */
  readonly out: string;
  readonly machine?: string;
  /** Window bounds, epoch ms. */
  readonly from?: number;
  readonly to?: number;
  readonly sections?: readonly ReportSection[];
  /** Render this one chart as standalone SVG instead of the HTML report. */
  readonly svg?: ChartName;
  /** Write the report as PDF instead of HTML. */
  readonly pdf?: boolean;
  readonly title?: string;
  readonly hostname?: string;
  /** Logical CPUs, for load per core (a CSV has no per-CPU columns to count). */
  readonly cpus?: number;
  /** JSON file of capacities and thresholds (docs/report-profiles.md). */
  readonly profile?: string;
}

export { CliUsageError };

export const USAGE = `Usage: perfreport --csv <file> [--out report.html] [options]
       perfreport --compare before-after|fleet --csv <file> … [--window <from>/<to>]… [--pdf]
       perfreport --csv <file> --pdf [--out report.pdf] [options]
       perfreport --csv <file> --svg <chart> [--out chart.svg] [options]

Renders a PerfAnalysis report from a metrics CSV (any dialect the upload accepts, or an
agent's local-mode CSV) without any server.

Options:
  --csv <file>         CSV to read ("-" for standard input)                      (required)
  --out <file>         where to write ("-" for standard output)
                       default: report.html, report.pdf with --pdf, <chart>.svg with --svg
  --machine <id>       machine to report on: required when the file holds several;
                       names the machine when the file has no machine_id column
  --from <ISO-8601>    start of the window (inclusive), e.g. 2025-01-06T00:00:00Z
  --to <ISO-8601>      end of the window (inclusive)
  --sections <a,b,…>   report sections, any of: ${REPORT_SECTIONS.join(', ')}
  --svg <chart>        one chart as standalone SVG instead of the report; charts:
                       ${CHART_NAMES.join(', ')}
  --pdf                the report as an A4 PDF (vector charts, selectable text)
  --title <text>       report title (default "Performance report — <machine>")
  --hostname <name>    host name printed beside the machine id
  --cpus <n>           logical CPUs, for the load-per-CPU figures and rule
  --profile <file>     JSON report profile: capacities and recommendation thresholds,
                       as the API's ReportProfileInput (--cpus wins over its cpuCount)
  -h, --help           this help

Comparisons (docs/report-comparisons.md):
  --compare before-after --csv <file> --window <from>/<to> --window <from>/<to>
                       one machine's two windows
  --compare before-after --csv <old> --csv <new> [--window <from>/<to>]…
                       two machines over one window each (whole files without --window)
  --compare fleet --csv <file> … --window <from>/<to>
                       up to 100 machines, one file each, over one window
  With --compare: --pdf writes PDF, --svg distributions|fleetHeatmap the chart,
  default comparison.html.

Exit codes: 0 written, 1 unreadable or empty input, 2 bad command line.`;

/** Parses and validates `perfreport` arguments; `'help'` when help was asked for. */
export function parseCliArgs(args: readonly string[]): CliOptions | CompareCliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        csv: { type: 'string', multiple: true },
        compare: { type: 'string' },
        window: { type: 'string', multiple: true },
        out: { type: 'string' },
        machine: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        sections: { type: 'string' },
        svg: { type: 'string' },
        pdf: { type: 'boolean' },
        title: { type: 'string' },
        hostname: { type: 'string' },
        cpus: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.csv?.length) throw new CliUsageError('--csv <file> is required.');
  if (v.compare !== undefined) return parseCompareOptions({ ...v, compare: v.compare, csv: v.csv }, instant);
  if (v.csv.length > 1 || v.window) throw new CliUsageError('Several --csv files and --window are for --compare; a report reads one file.');
  const csv = v.csv[0]!;
  if (v.svg !== undefined && !isChartName(v.svg)) {
    throw new CliUsageError(`Unknown chart "${v.svg}" for --svg; choose one of: ${CHART_NAMES.join(', ')}.`);
  }
  const svg = v.svg as ChartName | undefined;
  if (svg && v.pdf) throw new CliUsageError('--pdf writes the whole report and --svg one chart: choose one.');
  const from = v.from === undefined ? undefined : instant('--from', v.from);
  const to = v.to === undefined ? undefined : instant('--to', v.to);
  if (from !== undefined && to !== undefined && from > to) throw new CliUsageError('--from is after --to.');
  let sections: ReportSection[] | undefined;
  if (v.sections !== undefined) {
    if (svg) throw new CliUsageError('--sections applies to the HTML report, not to --svg.');
    const names = v.sections
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
    if (unknown.length || names.length === 0) {
      throw new CliUsageError(`Unknown section(s) ${unknown.join(', ') || '(none given)'}; choose from: ${REPORT_SECTIONS.join(', ')}.`);
    }
    sections = names as ReportSection[];
  }
  let cpus: number | undefined;
  if (v.cpus !== undefined) {
    cpus = Number(v.cpus);
    if (!Number.isInteger(cpus) || cpus < 1) throw new CliUsageError(`--cpus must be a whole number ≥ 1, not "${v.cpus}".`);
  }
  return {
    csv,
    out: v.out ?? (svg ? `${svg}.svg` : v.pdf ? 'report.pdf' : 'report.html'),
    ...(v.machine !== undefined ? { machine: v.machine } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(sections ? { sections } : {}),
    ...(svg ? { svg } : {}),
    ...(v.pdf ? { pdf: true } : {}),
    ...(v.title !== undefined ? { title: v.title } : {}),
    ...(v.hostname !== undefined ? { hostname: v.hostname } : {}),
    ...(cpus !== undefined ? { cpus } : {}),
    ...(v.profile !== undefined ? { profile: v.profile } : {}),
  };
}

/** ISO-8601 with a date and time; a zone-less time is UTC, as in the CSV files. */
export function instant(flag: string, text: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
  if (!iso.test(text.trim())) throw new CliUsageError(`${flag} must be an ISO-8601 instant such as 2025-01-06T00:00:00Z, not "${text}".`);
  let normalised = text.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(normalised)) normalised += normalised.includes('T') ? 'Z' : 'T00:00:00Z';
  const ms = Date.parse(normalised);
  if (Number.isNaN(ms)) throw new CliUsageError(`${flag} is not a valid date: "${text}".`);
  return ms;
}
