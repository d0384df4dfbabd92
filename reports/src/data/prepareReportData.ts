import type { ReportInput } from '../reportInput.js';
import { ReportDataBuilder } from './ReportDataBuilder.js';
import type { ReportData } from './reportData.js';

export type { ColumnSeries, DerivedSeries, DeviceSeries, ReportData, SummaryKey } from './reportData.js';
export { cpuBusy, cpuBusyAt, naturalCompare } from './ReportDataBuilder.js';

/**
 * Turns a {@link ReportInput} into {@link ReportData}: keeps the points inside [from, to],
 * sorts them, transposes them into typed arrays, derives CPU busy and memory headroom,
 * resolves the capacities and summarises every series. Linear in the number of values.
 */
export function prepareReportData(input: ReportInput): ReportData {
  const { points, ...meta } = input;
  const builder = new ReportDataBuilder({ from: input.from, to: input.to }, points.length);
  for (const point of points) builder.add(point);
  return builder.finish(meta);
}
