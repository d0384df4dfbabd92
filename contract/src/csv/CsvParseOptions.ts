/** How `parseMetricsCsv` reads one upload (the limits of docs/limits.md are the caller's to pass). */
export interface CsvParseOptions {
  /**
   * The machine the upload is for, given once with it (mutation argument / form field).
   * Used for every row when the file has no `machine_id` column, and for rows whose
   * `machine_id` cell is empty when it has one.
   * @default undefined — then the file must carry `machine_id` in every row
   */
  readonly machineId?: string;
  /**
   * "Now" for the age and future checks, in ms since the epoch.
   * @default Date.now() at the call
   */
  readonly now?: number;
  /**
   * Reject rows whose timestamp is older than `now - maxAgeMs`.
   * @default undefined — no age limit
   */
  readonly maxAgeMs?: number;
  /**
   * Reject rows whose timestamp is later than `now + futureSkewMs`.
   * @default undefined — no future limit
   */
  readonly futureSkewMs?: number;
  /**
   * Reject the file when it has more data rows than this (the error names row `maxRows + 1`).
   * @default undefined — no limit
   */
  readonly maxRows?: number;
}
