import { once } from 'node:events';
import { CsvError, parse, type Parser } from 'csv-parse';
import { CsvSyntaxError } from './CsvSyntaxError.js';
import { splitQuotedLine } from './splitQuotedLine.js';

/** Receives each record as it is read; `line` is the 1-based physical line it starts on. */
export interface CsvRecordSink {
  /** A record given as `text[start..end)`, free of quotes and line breaks: its cells are split on `,`. */
  line(text: string, start: number, end: number, line: number): void;
  /** A record already split into cells (quoted lines, csv-parse). */
  record(fields: string[], line: number): void;
}

/** Longest line (or record) accepted: a guard against files that are not line-oriented at all. */
export const MAX_CSV_LINE_CHARS = 1 << 20;

/**
 * Splits decoded text into records, streaming. Three ways, one result:
 *
 * - While no double quote has appeared, lines are found with native string search (`\n`,
 *   dropping one `\r` before it) and handed over as ranges of the chunk, to be split on `,`
 *   in place: this is what agents write, and it runs several times faster than a general
 *   CSV parser (csv-parse reads about 100k rows/s here).
 * - A line with quotes is split in place too when its quoted cells are plain (open at the
 *   cell's start, close on the same line; see `splitQuotedLine`).
 * - From the first line that is anything else — a quoted cell holding a line break, or
 *   malformed quoting — the rest of the input goes through csv-parse's streaming parser,
 *   which handles all of RFC 4180 and words the errors.
 *
 * All paths skip empty lines, accept LF and CRLF and leave cells untrimmed, and a property
 * test holds them to csv-parse's results; where they switch is decided by content, so chunk
 * boundaries never change the result.
 */
export class CsvTokenizer {
  private pending = '';
  /** Lines (`\n`-terminated) consumed so far; csv-parse's own count also counts lone CRs. */
  private line = 0;
  /** csv-parse's count of skipped empty lines when its last record was seen. */
  private emptyLines = 0;
  private parser: Parser | undefined;

  /** @param fastPath false sends everything through csv-parse (tests compare the two). */
  constructor(
    private readonly sink: CsvRecordSink,
    private readonly fastPath = true,
  ) {}

  /** Consumes the next piece of text. Records reach the sink before the promise settles. */
  write(text: string): Promise<void> | void {
    if (this.parser !== undefined) return this.writeParser(text);
    if (!this.fastPath) return this.startParser(text);
    const s = this.pending.length === 0 ? text : this.pending + text;
    this.pending = '';
    let quote = s.indexOf('"');
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl < 0) break;
      if (nl - start > MAX_CSV_LINE_CHARS) throw this.tooLong(); // whether or not it came in one chunk
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (quote >= 0 && quote < nl) {
        const fields = splitQuotedLine(s, start, end);
        if (fields === undefined) return this.startParser(s.slice(start));
        this.sink.record(fields, ++this.line);
        quote = s.indexOf('"', nl + 1);
      } else {
        this.line++;
        if (end > start) this.sink.line(s, start, end, this.line);
      }
      start = nl + 1;
    }
    const rest = start === 0 ? s : s.slice(start);
    if (rest.length > MAX_CSV_LINE_CHARS) throw this.tooLong();
    this.pending = rest;
  }

  private tooLong(): CsvSyntaxError {
    return new CsvSyntaxError(
      `Line ${this.line + 1} is longer than ${MAX_CSV_LINE_CHARS} characters; is this a CSV file with one sample per line?`,
      this.line + 1,
    );
  }

  /** Signals end of input; the last line needs no line break. */
  async end(): Promise<void> {
    if (this.parser === undefined) {
      const last = this.pending;
      this.pending = '';
      if (last.length === 0) return;
      if (!last.includes('"')) {
        this.sink.line(last, 0, last.length, ++this.line);
        return;
      }
      const fields = splitQuotedLine(last, 0, last.length);
      if (fields !== undefined) {
        this.sink.record(fields, ++this.line);
        return;
      }
      await this.startParser(last);
    }
    const parser = this.parser!;
    parser.end();
    this.rethrow(parser);
    if (!parser.writableFinished) await this.settle(once(parser, 'finish'), parser);
  }

  private startParser(text: string): Promise<void> | void {
    const parser = parse({
      record_delimiter: ['\r\n', '\n'],
      skip_empty_lines: true,
      relax_column_count: true, // the record consumer reports width mismatches with row numbers
      max_record_size: MAX_CSV_LINE_CHARS,
      // Records are handed over synchronously here instead of being pushed through the
      // stream's object buffer: no per-record async hop, and an error thrown by the sink
      // stops the parser and comes back out as the stream's error, unchanged.
      on_record: (record: string[], context: { empty_lines: number }) => {
        this.sink.record(record, this.recordStart(context.empty_lines));
        this.line += newlinesIn(record);
        return null;
      },
    });
    // Errors are read from `parser.errored` after each step; without a listener an
    // 'error' event would be thrown at the process.
    parser.on('error', () => undefined);
    this.parser = parser;
    return this.writeParser(text);
  }

  /** The line a record starts on, given csv-parse's running count of skipped empty lines. */
  private recordStart(emptyLines: number): number {
    const start = this.line + (emptyLines - this.emptyLines) + 1;
    this.emptyLines = emptyLines;
    this.line = start;
    return start;
  }

  private writeParser(text: string): Promise<void> | void {
    const parser = this.parser!;
    const flowing = parser.write(text);
    this.rethrow(parser);
    if (!flowing) return this.settle(once(parser, 'drain'), parser);
  }

  private async settle(event: Promise<unknown>, parser: Parser): Promise<void> {
    try {
      await event;
    } catch {
      this.rethrow(parser);
    }
    this.rethrow(parser);
  }

  private rethrow(parser: Parser): void {
    const error: unknown = parser.errored;
    if (error === null || error === undefined) return;
    if (!(error instanceof CsvError)) throw error; // the sink's own CsvFormatError / CsvValueError
    // The line the broken record starts on: where to look, even when the error shows at the end.
    const line = this.recordStart(typeof error.empty_lines === 'number' ? (error.empty_lines as number) : this.emptyLines);
    const where = `Line ${line}`;
    throw new CsvSyntaxError(`${where} cannot be read: ${explain(error)}`, line);
  }
}

/** Line breaks inside quoted cells: the record spans that many more lines. */
function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const cell of record) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

/** csv-parse's reasons, said in terms of what to fix in the file. */
function explain(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting in this record is never closed. Close every opening quote, and double quotes inside quoted fields ("").';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field. Quote the whole field and double the quotes inside it ("").';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a closing quote is followed by something other than a comma or line break. Double quotes inside quoted fields ("").';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${MAX_CSV_LINE_CHARS} characters; a quote is probably never closed.`;
    default:
      return `${error.message}. Check the quoting of that line.`;
  }
}
