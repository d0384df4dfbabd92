import { ReportDataBuilder } from '@perfanalysis/reports';
import type { Runtime } from '@perfanalysis/platform';
import { readReportPoints, type ReportPointsRequest } from './readReportPoints.js';

/**
 * Streams one collector's points of [from, to) from its tenant schema into a
 * `ReportDataBuilder`, one keyset page in memory at a time; the caller finishes it with the
 * report's meta. Shared by the collector report and the comparisons.
 */
export async function streamReportPoints(runtime: Runtime, schema: string, request: ReportPointsRequest): Promise<ReportDataBuilder> {
  const expected = Math.min(Math.ceil((request.to.getTime() - request.from.getTime()) / 1000) + 1, 1 << 20);
  const builder = new ReportDataBuilder({ from: request.from, to: request.to }, expected);
  for await (const point of readReportPoints(runtime.db.pool, schema, request)) builder.add(point);
  return builder;
}
