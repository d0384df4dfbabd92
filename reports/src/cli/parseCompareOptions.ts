import { MAX_FLEET_COLLECTORS } from '../compare/compareFleet.js';
import { CliUsageError } from './cliUsageError.js';

/** A window of a comparison, epoch ms, both ends inclusive; both absent: the whole file. */
export interface CliWindow {
  readonly from?: number;
  readonly to?: number;
}

/** What `perfreport --compare` was asked to do: which file is read over which window, in order. */
export interface CompareCliOptions {
  readonly compare: 'before-after' | 'fleet';
  readonly reads: readonly { readonly csv: string; readonly window: CliWindow }[];
  readonly format: 'html' | 'svg' | 'pdf';
  readonly out: string;
}

interface CompareValues {
  readonly compare: string;
  readonly csv: readonly string[];
  readonly window?: readonly string[];
  readonly pdf?: boolean;
  readonly svg?: string;
  readonly out?: string;
  readonly from?: string;
  readonly to?: string;
  readonly sections?: string;
}

/**
 * The comparison's reads, with the rules of the API's `compareReport` (docs/report-comparisons.md):
 * before/after is one file over two windows or two files over none, one or two; a fleet is 1 to
 * 100 files over one window.
 */
export function parseCompareOptions(v: CompareValues, instant: (flag: string, text: string) => number): CompareCliOptions {
  if (v.compare !== 'before-after' && v.compare !== 'fleet')
    throw new CliUsageError(`--compare is before-after or fleet, not "${v.compare}".`);
  if (v.from !== undefined || v.to !== undefined || v.sections !== undefined) {
    throw new CliUsageError('With --compare, give windows as --window <from>/<to>; --from, --to and --sections are for reports.');
  }
  const windows = (v.window ?? []).map((text) => parseWindow(text, instant));
  const files = v.csv;
  let reads: CompareCliOptions['reads'];
  if (v.compare === 'fleet') {
    if (files.length > MAX_FLEET_COLLECTORS) throw new CliUsageError(`A fleet comparison reads at most ${MAX_FLEET_COLLECTORS} files.`);
    if (windows.length !== 1) throw new CliUsageError('A fleet comparison needs one --window <from>/<to>.');
    reads = files.map((csv) => ({ csv, window: windows[0]! }));
  } else if (files.length === 1 && windows.length === 2) {
    reads = windows.map((window) => ({ csv: files[0]!, window }));
  } else if (files.length === 2 && windows.length <= 2) {
    reads = files.map((csv, i) => ({ csv, window: windows[i] ?? windows[0] ?? {} }));
  } else {
    throw new CliUsageError('A before/after reads one --csv over two --window, or two --csv over zero, one or two --window.');
  }
  const chart = v.compare === 'fleet' ? 'fleetHeatmap' : 'distributions';
  if (v.svg !== undefined && v.svg !== chart) throw new CliUsageError(`The ${v.compare} comparison's chart is --svg ${chart}.`);
  if (v.svg !== undefined && v.pdf) throw new CliUsageError('--pdf writes the whole comparison and --svg its chart: choose one.');
  const format = v.pdf ? 'pdf' : v.svg ? 'svg' : 'html';
  return { compare: v.compare, reads, format, out: v.out ?? (format === 'svg' ? `${chart}.svg` : `comparison.${format}`) };
}

function parseWindow(text: string, instant: (flag: string, text: string) => number): CliWindow {
  const [fromText, toText, ...rest] = text.split('/');
  if (!fromText || !toText || rest.length)
    throw new CliUsageError(`--window is <from>/<to>, e.g. 2025-01-06T00:00:00Z/2025-01-07T00:00:00Z, not "${text}".`);
  const from = instant('--window', fromText);
  const to = instant('--window', toText);
  if (from >= to) throw new CliUsageError(`--window ${text} is empty or reversed: its start must be before its end.`);
  // Half-open like the API's windows, so back-to-back windows share no sample: the CSV reader's
  // window is inclusive, and CSV timestamps are whole milliseconds.
  return { from, to: to - 1 };
}
