import type { CsvHeaderReport } from './CsvHeaderReport.js';
import type { CsvParseOptions } from './CsvParseOptions.js';
import type { CsvRow } from './CsvRow.js';
import { CsvRowIterator } from './CsvRowIterator.js';
import type { CsvSource } from './decodeCsvText.js';
import { CsvRowArray } from './CsvRowOutput.js';
import { openMetricsCsv } from './parseMetricsCsvBatches.js';

/** The two faces of one streaming parse. */
export interface MetricsCsvParse {
  /**
   * Settles once the header line has been read: what was found and ignored. Rejects with
   * the same error `rows` throws when the file fails before or at its header.
   */
  readonly header: Promise<CsvHeaderReport>;
  /**
   * The normalized rows, in file order. Throws `CsvFormatError` or `CsvValueError`
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
  const { header, batches } = openMetricsCsv(source, options, new CsvRowArray());
  const first = batches.next();
  first.catch(() => undefined); // surfaced by `rows` (or `header`), not as an unhandled rejection
  return { header, rows: new CsvRowIterator(first, batches) };
}
