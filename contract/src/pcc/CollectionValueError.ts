/** What a {@link CollectionValueError} tells the caller, beyond its message. */
export interface CollectionValueErrorDetails {
  /** 1-based line of the collection (or position in a JSON array). */
  readonly line: number;
  /** The same as `line`, for clients that read `row` as with CSV errors. */
  readonly row: number;
  /** The field or subsystem at fault (`json`, `timestamp`, `/proc/stat` …). */
  readonly column: string;
  /** The value as written, cut short. */
  readonly value: string;
}

/**
 * One measurement of a pcc collection is unreadable (docs/pcc-compatibility.md). Raised by
 * the agent's collection reader, which runs both in `perfagent convert` and on the server;
 * the platform answers it as INVALID_VALUE.
 */
export class CollectionValueError extends Error {
  readonly code = 'INVALID_VALUE' as const;

  constructor(
    message: string,
    readonly details: CollectionValueErrorDetails,
  ) {
    super(message);
    this.name = 'CollectionValueError';
  }
}

/** A CollectionValueError for 1-based `line`, quoting at most 80 characters of the value. */
export function collectionValueError(line: number, column: string, value: string, message: string): CollectionValueError {
  return new CollectionValueError(message, { line, row: line, column, value: value.slice(0, 80) });
}
