import { METRIC_COLUMNS } from '../columns.js';
import { hasControlCharacter, outsideRealRange } from '../inputChecks.js';
import { CsvFormatError } from './CsvFormatError.js';
import type { CsvHeaderReport } from './CsvHeaderReport.js';
import type { CsvParseOptions } from './CsvParseOptions.js';
import type { CsvRowOutput } from './CsvRowOutput.js';
import type { CsvRecordSink } from './CsvTokenizer.js';
import { CsvValueError } from './CsvValueError.js';
import { DecimalScanner } from './DecimalScanner.js';
import { isBlankRange, isBlankRecord } from './isBlankRange.js';
import { medianOf } from './medianOf.js';
import { parseCsvNumber } from './parseCsvNumber.js';
import { MAX_CSV_TIMESTAMP_MS, parseCsvTimestamp } from './parseCsvTimestamp.js';
import {
  IGNORE_CELL,
  MACHINE_ID_CELL,
  resolveCsvHeader,
  TIMESTAMP_CELL,
  type CsvColumnPlan,
  type CsvPlannedColumn,
} from './resolveCsvHeader.js';

/** Percentages a hair outside 0–100 are float noise from the agent's arithmetic: clamp, don't reject. */
const PERCENT_SLOP = 1e-3;
/** Rows read before the typical gap is fixed, once at least one per-machine gap has been seen… */
const GAP_PREFIX_ROWS = 64;
/** …or this many rows regardless (many machines interleaved may show no gap in 64 rows). */
const GAP_PREFIX_MAX_ROWS = 4096;
/** Used when the prefix shows no positive gap at all (a single row, or one row per machine). */
const DEFAULT_GAP_MS = 1000;
/** Distinct machine ids kept as compact copies; beyond this, ids are passed through as read. */
const INTERN_LIMIT = 65_536;
const SHOWN_VALUE_CHARS = 200;

/** A row whose count columns wait for the typical gap. */
interface PendingRow {
  readonly row: number;
  readonly machineId: string;
  readonly timestamp: number;
  /** Gap to the machine's previous row, NaN when there is none usable. */
  readonly gapMs: number;
  /** The row's slots, counts not yet divided by the gap. */
  readonly slots: Float64Array;
}

/**
 * Turns CSV records (the header first) into normalized rows, handed one at a time to an
 * output (CsvRowOutput.ts), with memory bounded by the number of machines plus a fixed prefix.
 *
 * Cells are read in place (no substring per cell) into a reused slot array, which the output
 * reads (into a values object, or straight into binary COPY). Within a row the first bad cell from the left is reported,
 * after the checks that concern the whole row (blank, too many rows, field count).
 *
 * Count columns become rates by dividing by the gap to the same machine's previous row. A
 * machine's first row (or a row not later than its previous one) has no gap of its own and
 * uses the file's typical gap: the median of the positive per-machine gaps among the first
 * 64 rows (or, when those show none, the first 4096), else 1 s. Only files with count
 * columns hold rows back, and only that prefix.
 */
export class CsvRowNormalizer implements CsvRecordSink {
  private plan: CsvColumnPlan | undefined;
  private rows = 0;
  private readonly defaultMachineId: string | undefined;
  private readonly oldest: number;
  private readonly newest: number;
  private readonly maxRows: number;

  // The record being read.
  private readonly scanner = new DecimalScanner();
  private readonly slots = new Float64Array(METRIC_COLUMNS.length);
  private cells = 0;
  private blank = true;
  private overflow = false;
  private timestamp = NaN;
  private machineId: string | undefined;
  private problem: CsvValueError | undefined;

  private readonly machineIds = new Map<string, string>();
  private lastMachineId: string | undefined;
  private readonly lastTimestamp = new Map<string, number>();
  private typicalGapMs: number | undefined;
  private prefix: PendingRow[] = [];
  private prefixGaps: number[] = [];

  constructor(
    options: CsvParseOptions,
    private readonly onHeader: (report: CsvHeaderReport) => void,
    private readonly output: CsvRowOutput<unknown>,
  ) {
    const now = options.now ?? Date.now();
    this.defaultMachineId = options.machineId?.trim() || undefined;
    this.oldest = options.maxAgeMs === undefined ? -Infinity : now - options.maxAgeMs;
    this.newest = options.futureSkewMs === undefined ? Infinity : now + options.futureSkewMs;
    this.maxRows = options.maxRows ?? Infinity;
  }

  /** The header names read so far (for errors raised below this layer). */
  get found(): string[] {
    return this.plan?.report.found ?? [];
  }

  line(text: string, start: number, end: number, line: number): void {
    const plan = this.plan;
    if (plan === undefined) {
      this.record(text.slice(start, end).split(','), line);
      return;
    }
    this.begin();
    const { width, actions, needsValue, columns } = plan;
    const scanner = this.scanner;
    let index = 0;
    for (let at = start; ; index++) {
      let stop: number;
      if (at === end || text.charCodeAt(at) === 44) {
        stop = at; // an empty cell: the commonest of a wide file, and it needs no work unless required
        if (index < width && needsValue[index] === 1 && this.problem === undefined) this.read(plan, index, text, at, at);
      } else {
        const action = index < width && this.problem === undefined ? actions[index]! : IGNORE_CELL;
        // A metric holding a plain decimal: read it and find the cell's end in the same pass.
        const value = action >= 0 ? scanner.scan(text, at, end) : NaN;
        stop = scanner.stop;
        if (value === value && (stop === end || text.charCodeAt(stop) === 44)) {
          this.blank = false;
          this.store(columns[action]!, value, text, at, stop);
        } else {
          // Anything else (timestamp, machine id, exponents, spaces, errors) the general way.
          stop = text.indexOf(',', at);
          if (stop < 0 || stop > end) stop = end;
          this.cell(index, text, at, stop);
        }
      }
      if (stop === end) break;
      at = stop + 1;
    }
    this.cells = index + 1;
    this.finish(line);
  }

  record(fields: string[], line: number): void {
    if (this.plan === undefined) {
      if (isBlankRecord(fields)) return;
      this.plan = resolveCsvHeader(fields, this.defaultMachineId);
      this.onHeader(this.plan.report);
      return;
    }
    this.begin();
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index]!;
      this.cell(index, field, 0, field.length);
    }
    this.cells = fields.length;
    this.finish(line);
  }

  /** Called at end of input: a file without a header is an error; held rows are released. */
  end(): void {
    if (this.plan === undefined) {
      throw new CsvFormatError(
        'The file is empty. Upload a CSV whose first line names the columns (timestamp, cpu_user, cpu_system, cpu_idle, …) followed by one line per sample.',
        { found: [], missing: ['timestamp', 'cpu_user', 'cpu_system', 'cpu_idle'] },
      );
    }
    if (this.typicalGapMs === undefined && this.prefix.length > 0) this.settlePrefix();
  }

  private begin(): void {
    this.slots.fill(NaN);
    this.cells = 0;
    this.blank = true;
    this.overflow = false;
    this.timestamp = NaN;
    this.machineId = this.defaultMachineId;
    this.problem = undefined;
  }

  /** Cell `index`, `text[start..end)`, of the current record. */
  private cell(index: number, text: string, start: number, end: number): void {
    const plan = this.plan!;
    if (start === end) {
      if (index < plan.width && plan.needsValue[index] === 1 && this.problem === undefined) this.read(plan, index, text, start, end);
      return;
    }
    if (this.blank && !isBlankRange(text, start, end)) this.blank = false;
    if (index >= plan.width) {
      if (!isBlankRange(text, start, end)) this.overflow = true;
      return;
    }
    if (this.problem === undefined) this.read(plan, index, text, start, end); // the first bad cell is the one reported
  }

  private read(plan: CsvColumnPlan, index: number, text: string, start: number, end: number): void {
    const action = plan.actions[index]!;
    if (action >= 0) this.metric(plan.columns[action]!, text, start, end);
    else if (action === TIMESTAMP_CELL) this.stamp(text, start, end);
    else if (action === MACHINE_ID_CELL) this.machine(text, start, end);
  }

  private metric(column: CsvPlannedColumn, text: string, start: number, end: number): void {
    const n = start === end ? NaN : parseCsvNumber(text, start, end);
    if (n === n) {
      this.store(column, n, text, start, end);
    } else if (!isBlankRange(text, start, end)) {
      this.fail(column.name, text, start, end, 'not a number', 'is not a number; write a plain decimal such as 12.5');
    } else if (column.required) {
      this.fail(column.name, text, start, end, 'empty', `is empty; ${column.name} is required in every row`);
    }
  }

  /** Checks a number read from `text[start..end)` against its column and keeps it in contract units. */
  private store(column: CsvPlannedColumn, value: number, text: string, start: number, end: number): void {
    let n = value;
    if (column.kind === 'percent') {
      if (n > 100 || n < 0) {
        if (n > 100 + PERCENT_SLOP || n < -PERCENT_SLOP) {
          this.fail(column.name, text, start, end, 'out of range', 'is not a percentage; CPU columns must be between 0 and 100');
          return;
        }
        n = n > 100 ? 100 : 0;
      }
    } else if (n < 0) {
      this.fail(column.name, text, start, end, 'negative', `is negative; ${column.name} cannot be below 0`);
      return;
    }
    const stored = column.scale === 1 ? n : n * column.scale;
    if (outsideRealRange(stored)) {
      this.fail(column.name, text, start, end, 'out of range', `is outside the range a stored value can hold (about 1e-38 to 3.4e38)`);
      return;
    }
    this.slots[column.slot] = stored;
  }

  private stamp(text: string, start: number, end: number): void {
    const ms = parseCsvTimestamp(text, start, end);
    if (ms !== ms) {
      if (isBlankRange(text, start, end)) {
        this.fail('timestamp', text, start, end, 'empty', 'is empty; every row needs a timestamp');
      } else {
        this.fail(
          'timestamp',
          text,
          start,
          end,
          'not a timestamp',
          'is not a timestamp; write ISO-8601 (2024-05-01T12:00:00Z, 2024-05-01T14:00:00+02:00, 2024-05-01 12:00:00 as UTC) or Unix epoch seconds (1714564800)',
        );
      }
    } else if (ms < 0 || ms > MAX_CSV_TIMESTAMP_MS) {
      const hint = text.slice(start, end).includes('-') ? '' : ' Epoch timestamps are seconds: divide milliseconds by 1000.';
      this.fail('timestamp', text, start, end, 'out of range', `is outside 1970–9999.${hint}`);
    } else if (ms < this.oldest) {
      this.fail(
        'timestamp',
        text,
        start,
        end,
        'too old',
        `is before ${new Date(this.oldest).toISOString()}, the oldest time an upload may hold; drop older rows.`,
      );
    } else if (ms > this.newest) {
      this.fail(
        'timestamp',
        text,
        start,
        end,
        'in the future',
        `is after ${new Date(this.newest).toISOString()}; check the machine's clock and time zone (times without a zone are UTC).`,
      );
    } else {
      this.timestamp = ms;
    }
  }

  private machine(text: string, start: number, end: number): void {
    // Rows of one machine usually come together: compare in place before cutting a string.
    const last = this.lastMachineId;
    if (last !== undefined && end - start === last.length && text.startsWith(last, start)) {
      this.machineId = last;
      return;
    }
    const id = text.slice(start, end).trim();
    if (hasControlCharacter(id)) {
      this.fail('machine_id', text, start, end, 'control character', 'contains a control character');
      return;
    }
    if (id.length === 0) {
      if (this.defaultMachineId === undefined) {
        this.fail('machine_id', text, start, end, 'empty', 'is empty; fill in the machine id or give one with the upload');
      }
      return; // begin() set the default
    }
    this.machineId = this.lastMachineId = this.intern(id);
  }

  /**
   * Cells are slices of a whole input chunk; keeping one alive keeps the chunk alive. Ids
   * outlive the parse (callers group by them), so each distinct id is copied once.
   */
  private intern(id: string): string {
    const known = this.machineIds.get(id);
    if (known !== undefined) return known;
    if (this.machineIds.size >= INTERN_LIMIT) return id;
    const copy = JSON.parse(JSON.stringify(id)) as string;
    this.machineIds.set(copy, copy);
    return copy;
  }

  private fail(column: string, text: string, start: number, end: number, reason: string, problem: string): void {
    const cell = text.slice(start, end);
    const value = cell.length > SHOWN_VALUE_CHARS ? `${cell.slice(0, SHOWN_VALUE_CHARS)}…` : cell;
    const row = this.rows + 1;
    this.problem = new CsvValueError(`Column ${column}, row ${row}: '${value}' ${problem}`, { row, column, value, reason });
  }

  private finish(line: number): void {
    if (this.blank) return; // blank lines and `,,,` rows carry nothing
    const plan = this.plan!;
    const row = this.rows + 1;
    if (row > this.maxRows) {
      throw new CsvValueError(
        `Row ${row}: the file has more than ${this.maxRows.toLocaleString('en-US')} data rows; split it into smaller uploads.`,
        { row, column: '*', value: '', reason: 'too many rows' },
      );
    }
    if (this.cells < plan.width || this.overflow) {
      throw new CsvFormatError(
        `Row ${row} (line ${line}) has ${this.cells} fields but the header has ${plan.width}; every line needs one value (or an empty cell) per column. Quote values that contain commas.`,
        { found: plan.report.found, missing: [], row, line },
      );
    }
    if (this.problem !== undefined) throw this.problem;
    this.rows = row;
    const machineId = this.machineId!; // resolveCsvHeader demands a column or a default
    if (plan.countSlots.length === 0) this.output.row(row, machineId, this.timestamp, this.slots);
    else this.addCounts(row, machineId, plan.countSlots);
  }

  private addCounts(row: number, machineId: string, countSlots: readonly number[]): void {
    const timestamp = this.timestamp;
    const previous = this.lastTimestamp.get(machineId);
    this.lastTimestamp.set(machineId, timestamp);
    const gapMs = previous !== undefined && timestamp > previous ? timestamp - previous : NaN;
    const typical = this.typicalGapMs;
    if (typical !== undefined) {
      toRates(this.slots, countSlots, gapMs === gapMs ? gapMs : typical);
      this.output.row(row, machineId, timestamp, this.slots);
      return;
    }
    this.prefix.push({ row, machineId, timestamp, gapMs, slots: this.slots.slice() });
    if (gapMs === gapMs) this.prefixGaps.push(gapMs);
    if ((this.prefix.length >= GAP_PREFIX_ROWS && this.prefixGaps.length > 0) || this.prefix.length >= GAP_PREFIX_MAX_ROWS) {
      this.settlePrefix();
    }
  }

  private settlePrefix(): void {
    const countSlots = this.plan!.countSlots;
    const typical = this.prefixGaps.length > 0 ? medianOf(this.prefixGaps) : DEFAULT_GAP_MS;
    this.typicalGapMs = typical;
    for (const pending of this.prefix) {
      toRates(pending.slots, countSlots, pending.gapMs === pending.gapMs ? pending.gapMs : typical);
      this.output.row(pending.row, pending.machineId, pending.timestamp, pending.slots);
    }
    this.prefix = [];
    this.prefixGaps = [];
  }
}

function toRates(slots: Float64Array, countSlots: readonly number[], gapMs: number): void {
  const seconds = gapMs / 1000;
  for (const slot of countSlots) slots[slot] = slots[slot]! / seconds; // NaN (absent) stays NaN
}
