/** What a {@link CsvValueError} tells the caller, beyond its message. */
export interface CsvValueErrorDetails {
  /** 1-based data row (the header and blank lines are not counted). */
  readonly row: number;
  /** The header name as read (lower-cased), or `*` when the whole row is at fault. */
  readonly column: string;
  /** The cell as written, cut to 200 characters. */
  readonly value: string;
  /** A short machine-readable reason, e.g. `not a number`, `too old`. */
  readonly reason?: string;
}

/** One cell (or one row) of an otherwise readable metrics CSV is unacceptable. */
export class CsvValueError extends Error {
  readonly code = 'INVALID_VALUE' as const;

  constructor(
    message: string,
    readonly details: CsvValueErrorDetails,
  ) {
    super(message);
    this.name = 'CsvValueError';
  }
}
