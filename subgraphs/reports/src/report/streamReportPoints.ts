import { ReportDataBuilder } from '@perfanalysis/reports';
import type { Runtime, TenantDb } from '@perfanalysis/platform';
import { readReportPoints, type ReportPointsRequest } from './readReportPoints.js';

/**
 * Reads one collector's points of [from, to) of `db`'s tenant into a fresh
 * `ReportDataBuilder` (binary COPY, docs/report-contents.md); the caller finishes it or hands
 * its state to a render worker. Shared by the collector report and the comparisons.
 */
export async function streamReportPoints(runtime: Runtime, db: TenantDb, request: ReportPointsRequest): Promise<ReportDataBuilder> {
  const expected = Math.min(Math.ceil((request.to.getTime() - request.from.getTime()) / 1000) + 1, 1 << 20);
  const builder = new ReportDataBuilder({ from: request.from, to: request.to }, expected);
  await readReportPoints(runtime.db.pool, db, request, builder);
  return builder;
}
