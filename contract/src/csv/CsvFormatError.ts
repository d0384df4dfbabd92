/** What a {@link CsvFormatError} tells the caller, beyond its message. */
export interface CsvFormatErrorDetails {
  /** Header names as read (trimmed, lower-cased), in file order; empty when no header was read. */
  readonly found: string[];
  /** Columns the file needs and does not have (required metrics, or `machine_id`). */
  readonly missing: string[];
  /** 1-based data row the problem was found in, when it is about one row. */
  readonly row?: number;
  /** 1-based physical line of the file (the header is line 1), when known. */
  readonly line?: number;
}

/**
 * The file cannot be read as a metrics CSV at all: no header, missing required columns,
 * no machine id, duplicate or conflicting columns, or broken CSV syntax / non-text bytes.
 * The whole file is rejected; the message says what to change.
 */
export class CsvFormatError extends Error {
  readonly code = 'INVALID_CSV_FORMAT' as const;

  constructor(
    message: string,
    readonly details: CsvFormatErrorDetails,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}
