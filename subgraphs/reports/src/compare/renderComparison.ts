import {
  type BeforeAfterComparison,
  compareBeforeAfter,
  compareFleet,
  type FleetComparison,
  type FleetMember,
  renderComparisonHtml,
  renderComparisonPdf,
  renderComparisonSvg,
  type ReportData,
  summarizeFleetMember,
} from '@perfanalysis/reports';
import type { Runtime } from '@perfanalysis/platform';
import type { ReportCollector } from '../report/findReportCollector.js';
import { fileSafe, fileStamp, type RenderedReport } from '../report/renderCollectorReport.js';
import { streamReportPoints } from '../report/streamReportPoints.js';
import type { ComparisonReads } from './checkComparisonInput.js';

/** One checked read with its collector found in the caller's tenant. */
export interface ComparisonRead {
  readonly collector: ReportCollector;
  readonly from: Date;
  readonly to: Date;
}

/** A rendered comparison: the document, and the comparison it printed (for the answer's figures). */
export interface RenderedComparison extends Pick<RenderedReport, 'body' | 'contentType' | 'fileName' | 'points'> {
  readonly comparison: BeforeAfterComparison | FleetComparison;
}

/** One collector's window as report data; no device rows (comparisons look at the aggregate columns). */
async function readData(runtime: Runtime, schema: string, read: ComparisonRead): Promise<ReportData> {
  const { collector, from, to } = read;
  const builder = await streamReportPoints(runtime, schema, { collectorId: collector.id, from, to, deviceKinds: [] });
  return builder.finish({ machineId: collector.machineId, hostname: collector.hostname, from, to });
}

/**
 * Reads and compares (docs/report-comparisons.md). A fleet reads its collectors one at a time
 * and keeps only each one's summaries and heatmap slices, so 100 collectors × a day at 1 s
 * never hold more than one collector's series.
 */
export async function renderComparison(
  runtime: Runtime,
  schema: string,
  request: { kind: ComparisonReads['kind']; reads: readonly ComparisonRead[]; format: 'html' | 'svg' | 'pdf'; generatedAt: Date },
): Promise<RenderedComparison> {
  let points = 0;
  let comparison: BeforeAfterComparison | FleetComparison;
  if (request.kind === 'beforeAfter') {
    const [before, after] = request.reads as [ComparisonRead, ComparisonRead];
    const same = before.collector.id === after.collector.id;
    const side = async (read: ComparisonRead, role: string) => {
      const data = await readData(runtime, schema, read);
      points += data.time.length;
      return { label: same ? `${read.collector.machineId} ${role}` : read.collector.machineId, data };
    };
    comparison = compareBeforeAfter(await side(before, 'before'), await side(after, 'after'));
  } else {
    const members: FleetMember[] = [];
    for (const read of request.reads) {
      const data = await readData(runtime, schema, read);
      points += data.time.length;
      members.push(summarizeFleetMember(read.collector.machineId, data));
    }
    const { from, to } = request.reads[0]!;
    comparison = compareFleet(members, { from: from.getTime(), to: to.getTime() });
  }
  const first = request.reads[0]!;
  const stem = `comparison_${comparison.kind === 'fleet' ? 'fleet' : 'before-after'}_${fileSafe(first.collector.machineId)}_${fileStamp(first.from)}`;
  const generatedAt = request.generatedAt.getTime();
  switch (request.format) {
    case 'pdf':
      return {
        comparison,
        points,
        body: await renderComparisonPdf(comparison, generatedAt),
        contentType: 'application/pdf',
        fileName: `${stem}.pdf`,
      };
    case 'svg':
      return {
        comparison,
        points,
        body: renderComparisonSvg(comparison),
        contentType: 'image/svg+xml; charset=utf-8',
        fileName: `${stem}.svg`,
      };
    default:
      return {
        comparison,
        points,
        body: renderComparisonHtml(comparison, generatedAt),
        contentType: 'text/html; charset=utf-8',
        fileName: `${stem}.html`,
      };
  }
}
