import { CsvFormatError } from './CsvFormatError.js';
import type { CsvHeaderReport } from './CsvHeaderReport.js';
import type { CsvParseOptions } from './CsvParseOptions.js';
import type { CsvRow } from './CsvRow.js';
import { CsvRowNormalizer } from './CsvRowNormalizer.js';
import { CsvRowArray, type CsvRowOutput } from './CsvRowOutput.js';
import { CsvSyntaxError } from './CsvSyntaxError.js';
import { CsvTokenizer } from './CsvTokenizer.js';
import { decodeCsvText, type CsvSource } from './decodeCsvText.js';

/** The two faces of one streaming parse that hands out rows a chunk at a time. */
export interface MetricsCsvBatches<Batch = CsvRow[]> {
  /**
   * Settles once the header line has been read: what was found and ignored. Rejects with
   * the same error `batches` throws when the file fails before or at its header.
   */
  readonly header: Promise<CsvHeaderReport>;
  /**
   * The normalized rows of each input chunk, in file order (a batch is never empty). Throws
   * like `parseMetricsCsv`'s rows, after handing out every row completed before the failure.
   */
  readonly batches: AsyncGenerator<Batch, void, undefined>;
}

/**
 * {@link parseMetricsCsv} for bulk consumers: one `await` per input chunk instead of one per
 * row, so a consumer that encodes rows synchronously (the upload's binary COPY) pays no
 * per-row promise. Same dialects, same errors, same bounded memory.
 *
 * Reading starts at once (so `await header` works before `batches` is iterated).
 */
export function parseMetricsCsvBatches(source: CsvSource, options: CsvParseOptions = {}): MetricsCsvBatches {
  return parseMetricsCsvInto(source, options, new CsvRowArray());
}

/**
 * {@link parseMetricsCsvBatches} with the rows handed to `output` instead of built as objects,
 * a batch being what `output.take()` gives after each input chunk: a consumer that encodes
 * rows (the upload's binary COPY) reads each row's values straight from the parser's slots.
 * Same rows, same errors, at the same points.
 */
export function parseMetricsCsvInto<Batch>(
  source: CsvSource,
  options: CsvParseOptions,
  output: CsvRowOutput<Batch>,
): MetricsCsvBatches<Batch> {
  const { header, batches } = openMetricsCsv(source, options, output);
  return { header, batches: startEarly(batches) };
}

/** The header promise and the not-yet-started batch generator of one parse (shared with `parseMetricsCsv`). */
export function openMetricsCsv<Batch>(
  source: CsvSource,
  options: CsvParseOptions,
  output: CsvRowOutput<Batch>,
): { header: Promise<CsvHeaderReport>; batches: AsyncGenerator<Batch, void, undefined> } {
  let resolveHeader!: (report: CsvHeaderReport) => void;
  let rejectHeader!: (error: unknown) => void;
  const header = new Promise<CsvHeaderReport>((resolve, reject) => {
    resolveHeader = resolve;
    rejectHeader = reject;
  });
  header.catch(() => undefined); // callers that only iterate rows see the error there

  // A whole string is Iterable<string> too; read it as one chunk, not character by character.
  const input: CsvSource = typeof source === 'string' ? [source] : source;
  return { header, batches: readBatches(input, options, output, resolveHeader, rejectHeader) };
}

/** Starts `batches` now (so the header is read before the first `next()`), keeping the first step for the consumer. */
function startEarly<Batch>(batches: AsyncGenerator<Batch, void, undefined>): AsyncGenerator<Batch, void, undefined> {
  const first = batches.next();
  first.catch(() => undefined); // surfaced by the consumer's first `next()`, not as an unhandled rejection
  async function* resumed(): AsyncGenerator<Batch, void, undefined> {
    try {
      const head = await first;
      if (head.done) return;
      yield head.value;
      yield* batches;
    } finally {
      await batches.return(undefined);
    }
  }
  return resumed();
}

async function* readBatches<Batch>(
  source: CsvSource,
  options: CsvParseOptions,
  output: CsvRowOutput<Batch>,
  onHeader: (report: CsvHeaderReport) => void,
  onFailure: (error: unknown) => void,
): AsyncGenerator<Batch, void, undefined> {
  const normalizer = new CsvRowNormalizer(options, onHeader, output);
  const tokenizer = new CsvTokenizer(normalizer);
  let failed = false;
  let failure: unknown;
  try {
    for await (const text of decodeCsvText(source)) {
      await tokenizer.write(text);
      const ready = output.take();
      if (ready !== undefined) yield ready;
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
  const ready = output.take();
  if (ready !== undefined) yield ready;
  if (failed) {
    onFailure(failure); // no effect when the header had already been read
    throw failure;
  }
}
