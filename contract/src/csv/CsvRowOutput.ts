import type { CsvRow } from './CsvRow.js';
import { metricValuesFrom } from './metricValuesFrom.js';

/**
 * Where a parse hands its normalized rows, one at a time and in file order, and gives them
 * out a batch at a time. `row` must use `slots` before it returns: the parser reuses them.
 */
export interface CsvRowOutput<Batch> {
  /**
   * One normalized row: `slots` hold its values in METRIC_COLUMNS order in contract units,
   * NaN where absent (the same values a {@link CsvRow} holds).
   */
  row(row: number, machineId: string, timestamp: number, slots: Float64Array): void;
  /** The rows given since the last call, or undefined when there were none. */
  take(): Batch | undefined;
}

/** Rows as {@link CsvRow} objects: what `parseMetricsCsv` and `parseMetricsCsvBatches` give out. */
export class CsvRowArray implements CsvRowOutput<CsvRow[]> {
  private ready: CsvRow[] = [];

  row(row: number, machineId: string, timestamp: number, slots: Float64Array): void {
    this.ready.push({ machineId, point: { timestamp, values: metricValuesFrom(slots) }, row });
  }

  take(): CsvRow[] | undefined {
    const out = this.ready;
    if (out.length === 0) return undefined;
    this.ready = [];
    return out;
  }
}
