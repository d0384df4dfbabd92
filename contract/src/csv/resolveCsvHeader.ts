import { METRIC_COLUMNS, REQUIRED_CSV_COLUMNS, type MetricColumn } from '../columns.js';
import { CSV_COLUMN_DIALECTS } from './CSV_COLUMN_DIALECTS.js';
import { CsvFormatError } from './CsvFormatError.js';
import type { CsvHeaderReport } from './CsvHeaderReport.js';

/** At most this many header names, of at most this many characters, are echoed in errors. */
const SHOWN_NAMES = 100;
const SHOWN_NAME_CHARS = 64;

/** One header column that fills a contract column. */
export interface CsvPlannedColumn {
  /** Position of the cell in each record. */
  readonly index: number;
  /** The header name as read, for error messages. */
  readonly name: string;
  readonly target: MetricColumn;
  /** Position of `target` in METRIC_COLUMNS. */
  readonly slot: number;
  /** `rateOrCount` is already decided here, from the file's other columns. */
  readonly kind: 'percent' | 'gauge' | 'count';
  readonly scale: number;
  /** An empty cell is an error, not an absent value. */
  readonly required: boolean;
}

/** `CsvColumnPlan.actions` entries that are not an index into `columns`. */
export const IGNORE_CELL = -1;
export const TIMESTAMP_CELL = -2;
export const MACHINE_ID_CELL = -3;

/** How to read every data record of one file, decided once from its header. */
export interface CsvColumnPlan {
  readonly report: CsvHeaderReport;
  /** Number of header fields; records must have as many (extra empty cells are tolerated). */
  readonly width: number;
  /** Per header position: an index into `columns`, or IGNORE_CELL / TIMESTAMP_CELL / MACHINE_ID_CELL. */
  readonly actions: Int32Array;
  /** Per header position: 1 where an empty cell is not simply "absent" (timestamp, machine_id, required metrics). */
  readonly needsValue: Uint8Array;
  readonly columns: readonly CsvPlannedColumn[];
  /** Slots (METRIC_COLUMNS positions) filled by per-interval counts, which need the gap. */
  readonly countSlots: readonly number[];
}

/**
 * Decides, from the header record, which column feeds which contract column (docs/metrics.md).
 * Names are trimmed and case-insensitive; unknown names are reported, never fatal.
 * @throws CsvFormatError for missing required columns, no machine id at all, a name given
 *   twice, or two columns that mean the same metric (e.g. `mem_used` and `mem_used_kb`).
 */
export function resolveCsvHeader(fields: readonly string[], machineIdOption: string | undefined): CsvColumnPlan {
  const found = fields.map((f) => f.trim().toLowerCase());
  // What a rejected header is reported as: a garbage "header" may be a megabyte of anything.
  const clip = (name: string): string => (name.length > SHOWN_NAME_CHARS ? `${name.slice(0, SHOWN_NAME_CHARS)}…` : name);
  const shown = found.slice(0, SHOWN_NAMES).map(clip);

  // A header swallowing line breaks means the file's lines end in bare CR (classic Mac).
  if (found.some((name) => name.includes('\r') || name.includes('\n'))) {
    throw new CsvFormatError(
      'The header runs into the data: lines seem to end with a bare carriage return (CR). Save the file with LF or CRLF line ends.',
      { found: shown.map((n) => n.split(/[\r\n]/, 1)[0] ?? ''), missing: [] },
    );
  }

  const hasMachineId = found.includes('machine_id');
  const missing: string[] = REQUIRED_CSV_COLUMNS.filter((c) => !found.includes(c));
  if (!hasMachineId && !machineIdOption?.trim()) missing.push('machine_id');
  if (missing.length > 0) {
    const needsId = missing.includes('machine_id') ? ' (or give the machine id with the upload)' : '';
    throw new CsvFormatError(
      `The CSV header lacks ${missing.join(', ')}${needsId}. The first line must name the columns, including ${REQUIRED_CSV_COLUMNS.join(', ')}; found: ${shown.join(', ') || 'nothing'}${shown.length < found.length ? ', …' : ''}.`,
      { found: shown, missing },
    );
  }

  const seen = new Map<string, number>();
  found.forEach((name, index) => {
    if (name === '') return; // unnamed columns (e.g. a trailing comma) are ignored, not duplicates
    const first = seen.get(name);
    if (first !== undefined) {
      throw new CsvFormatError(
        `Column '${clip(name)}' appears twice in the header (columns ${first + 1} and ${index + 1}); remove or rename one.`,
        { found: shown, missing: [] },
      );
    }
    seen.set(name, index);
  });

  const countGroups = new Set<string>();
  for (const name of found) {
    const dialect = CSV_COLUMN_DIALECTS.get(name);
    if (dialect?.kind === 'count' && dialect.group) countGroups.add(dialect.group);
  }

  const ignored: string[] = [];
  const columns: CsvPlannedColumn[] = [];
  const actions = new Int32Array(found.length).fill(IGNORE_CELL);
  const byTarget = new Map<MetricColumn, string>();
  found.forEach((name, index) => {
    if (name === 'timestamp' || name === 'machine_id') {
      actions[index] = name === 'timestamp' ? TIMESTAMP_CELL : MACHINE_ID_CELL;
      return;
    }
    const dialect = CSV_COLUMN_DIALECTS.get(name);
    if (!dialect) {
      ignored.push(name);
      return;
    }
    const other = byTarget.get(dialect.target);
    if (other !== undefined) {
      throw new CsvFormatError(`Columns '${other}' and '${name}' both give ${dialect.target}; keep only one of them.`, {
        found: shown,
        missing: [],
      });
    }
    byTarget.set(dialect.target, name);
    const kind = dialect.kind === 'rateOrCount' ? (dialect.group && countGroups.has(dialect.group) ? 'count' : 'gauge') : dialect.kind;
    actions[index] = columns.length;
    columns.push({
      index,
      name,
      target: dialect.target,
      slot: METRIC_COLUMNS.indexOf(dialect.target),
      kind,
      scale: dialect.scale,
      required: (REQUIRED_CSV_COLUMNS as readonly string[]).includes(name),
    });
  });

  const needsValue = new Uint8Array(found.length);
  actions.forEach((action, index) => {
    if (action === TIMESTAMP_CELL || action === MACHINE_ID_CELL || (action >= 0 && columns[action]!.required)) needsValue[index] = 1;
  });

  return {
    report: { found, ignored, machineIdColumn: hasMachineId },
    width: found.length,
    actions,
    needsValue,
    columns,
    countSlots: columns.filter((c) => c.kind === 'count').map((c) => c.slot),
  };
}
