import { CsvFormatError } from './CsvFormatError.js';
import type { CsvHeaderReport } from './CsvHeaderReport.js';
import type { CsvParseOptions } from './CsvParseOptions.js';
import type { CsvRow } from './CsvRow.js';
import { CsvRowIterator } from './CsvRowIterator.js';
import { CsvRowNormalizer } from './CsvRowNormalizer.js';
import { CsvSyntaxError } from './CsvSyntaxError.js';
import { CsvTokenizer } from './CsvTokenizer.js';
import { decodeCsvText, type CsvSource } from './decodeCsvText.js';

/** The two faces of one streaming parse. */
export interface MetricsCsvParse {
  /**
   * Settles once the header line has been read: what was found and ignored. Rejects with
   * the same error `rows` throws when the file fails before or at its header.
   */
  readonly header: Promise<CsvHeaderReport>;
  /**
   * The normalized rows, in file order. Throws {@link CsvFormatError} or `CsvValueError`
   * at the first bad line (rows before it have been yielded); any other error comes from
   * the source itself. Breaking out of the loop releases the source.
   */
  readonly rows: AsyncGenerator<CsvRow, void, undefined>;
}

/**
 * Parses an uploaded metrics CSV in any dialect of docs/metrics.md, streaming: memory stays bounded
 * by the number of machines, whatever the size of the file.
 *
 * Reading starts at once (so `await header` works before `rows` is iterated) and pauses
 * after the first rows until `rows` is consumed.
 *
 * Accepted input: UTF-8 (a BOM is dropped), LF or CRLF, RFC 4180 quoting, header names
 * trimmed and case-insensitive, blank lines and all-empty rows skipped. Per column:
 * - `timestamp`: ISO-8601 (`Z`, `±HH:MM` or no zone = UTC; space or `T`) or Unix epoch
 *   seconds, integer or fractional → ms since the epoch, rounded to the millisecond;
 * - `machine_id`, or `options.machineId` when the file has no such column (also for rows
 *   whose cell is empty);
 * - metrics in contract units: memory/swap `_mb` or unsuffixed (MB) or `_kb` (÷ 1024);
 *   disk/network `_mb` (MB/s), `_ops`, `_packets`, `_errors` (/s) — see below for counts;
 * - empty cells in optional columns are absent from `values` (never 0); unknown columns are
 *   listed in `header.ignored`.
 *
 * **Count columns.** `disk_read_bytes`, `disk_write_bytes`, `net_rx_bytes`, `net_tx_bytes`
 * hold bytes moved during the interval that ends at the row (1 MB = 1,048,576 bytes). When a
 * file gives a group that way, the other per-interval columns of that group are counts too,
 * under their usual names (docs/metrics.md, "Disk and network"): `disk_read_ops`,
 * `disk_write_ops` beside disk bytes; `net_rx_packets`, `net_tx_packets`, `net_rx_errors`,
 * `net_tx_errors` beside net bytes. Without byte columns those names are per-second rates.
 * Counts become rates by dividing by the gap (s) to the previous row of the same machine;
 * a machine's first row, or a row not later than its previous one, uses the file's typical
 * gap: the median positive per-machine gap among the first 64 rows (4096 when those show
 * none), else 1 s. Only such files hold rows back, and only that prefix.
 */
export function parseMetricsCsv(source: CsvSource, options: CsvParseOptions = {}): MetricsCsvParse {
  let resolveHeader!: (report: CsvHeaderReport) => void;
  let rejectHeader!: (error: unknown) => void;
  const header = new Promise<CsvHeaderReport>((resolve, reject) => {
    resolveHeader = resolve;
    rejectHeader = reject;
  });
  header.catch(() => undefined); // callers that only iterate rows see the error there

  // A whole string is Iterable<string> too; read it as one chunk, not character by character.
  const input: CsvSource = typeof source === 'string' ? [source] : source;
  const batches = readBatches(input, options, resolveHeader, rejectHeader);
  const first = batches.next();
  first.catch(() => undefined); // surfaced by `rows` (or `header`), not as an unhandled rejection
  return { header, rows: new CsvRowIterator(first, batches) };
}

async function* readBatches(
  source: CsvSource,
  options: CsvParseOptions,
  onHeader: (report: CsvHeaderReport) => void,
  onFailure: (error: unknown) => void,
): AsyncGenerator<CsvRow[], void, undefined> {
  const normalizer = new CsvRowNormalizer(options, onHeader);
  const tokenizer = new CsvTokenizer(normalizer);
  let failed = false;
  let failure: unknown;
  try {
    for await (const text of decodeCsvText(source)) {
      await tokenizer.write(text);
      const ready = normalizer.take();
      if (ready.length > 0) yield ready;
    }
    await tokenizer.end();
    normalizer.end();
  } catch (error) {
    failed = true;
    failure =
      error instanceof CsvSyntaxError
        ? new CsvFormatError(error.message, {
            found: normalizer.found,
            missing: [],
            ...(error.line === undefined ? {} : { line: error.line }),
          })
        : error;
  }
  // Rows completed before a failure are handed out first, so what a consumer sees does not
  // depend on where the input was cut into chunks.
  const ready = normalizer.take();
  if (ready.length > 0) yield ready;
  if (failed) {
    onFailure(failure); // no effect when the header had already been read
    throw failure;
  }
}
