import { parseMetricsCsv, type CsvHeaderReport } from '@perfanalysis/contract';
import { ReportDataBuilder, type ReportMeta } from '../data/ReportDataBuilder.js';
import type { ReportData } from '../data/reportData.js';

/** What to read from a CSV, and how to name it. */
export interface CsvReportRequest {
  /**
   * Machine to keep. Required when the file holds several; also the machine of every row
   * when the file has no `machine_id` column.
   */
  readonly machine?: string;
  /** Machine id used when the file has no `machine_id` column and `machine` is not given. */
  readonly fallbackMachine: string;
  readonly from?: number;
  readonly to?: number;
  /** Everything else the report needs (title, hostname, capacities…). */
  readonly meta?: Omit<ReportMeta, 'machineId' | 'from' | 'to'>;
}

/** The report data read from a CSV, and what the CSV's header said. */
export interface CsvReportData {
  readonly data: ReportData;
  readonly header: CsvHeaderReport;
  /** Data rows read for the chosen machine (inside and outside the window). */
  readonly rows: number;
}

/** A CSV the report cannot be made from (several machines, none in the window…); exit code 1. */
export class CsvReportError extends Error {
  override readonly name = 'CsvReportError';
}

/**
 * Streams a metrics CSV through the contract's parser (every dialect the upload accepts)
 * into a {@link ReportDataBuilder}: rows are never held as objects, so a day at one second
 * costs the typed arrays only. Parser errors (`INVALID_CSV_FORMAT`, `INVALID_VALUE`) pass
 * through unchanged.
 */
export async function readCsvReportData(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  request: CsvReportRequest,
): Promise<CsvReportData> {
  const parse = parseMetricsCsv(source, { machineId: request.machine ?? request.fallbackMachine });
  const builder = new ReportDataBuilder({
    ...(request.from !== undefined ? { from: request.from } : {}),
    ...(request.to !== undefined ? { to: request.to } : {}),
  });
  let machine = request.machine;
  let rows = 0;
  for await (const row of parse.rows) {
    if (machine === undefined) machine = row.machineId;
    if (row.machineId !== machine) {
      if (request.machine !== undefined) continue;
      throw new CsvReportError(`The file holds more than one machine (${machine}, ${row.machineId}, …); choose one with --machine <id>.`);
    }
    rows++;
    builder.add(row.point);
  }
  const header = await parse.header;
  if (rows === 0) {
    throw new CsvReportError(
      request.machine !== undefined ? `No rows for machine "${request.machine}" in the file.` : 'The file has no data rows.',
    );
  }
  if (builder.count === 0) throw new CsvReportError(`None of the ${rows} rows of ${machine} lies inside --from/--to.`);
  const data = builder.finish({
    ...request.meta,
    machineId: machine!,
    ...(request.from !== undefined ? { from: request.from } : {}),
    ...(request.to !== undefined ? { to: request.to } : {}),
  });
  return { data, header, rows };
}
