/** What the header of an upload held, reported back to the uploader. */
export interface CsvHeaderReport {
  /** Every header name as read (trimmed, lower-cased), in file order. */
  readonly found: string[];
  /** Names that are not part of any accepted dialect; their cells are skipped. */
  readonly ignored: string[];
  /** Whether the file carries its own `machine_id` column. */
  readonly machineIdColumn: boolean;
}
