/**
 * Internal: the byte stream or the CSV syntax is broken. Raised below the layer that knows
 * the header, and turned into a {@link CsvFormatError} (with the header's names) by
 * `parseMetricsCsv`; never escapes the package.
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}
