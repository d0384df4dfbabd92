import { COMPARISON_COLUMNS, type FleetMember } from '@perfanalysis/reports';
import type { Runtime, TenantDb } from '@perfanalysis/platform';
import type { ReportCollector } from '../report/findReportCollector.js';
import { fileSafe, fileStamp, type RenderedReport } from '../report/renderCollectorReport.js';
import { renderPool } from '../report/sharedRenderPool.js';
import { streamReportPoints } from '../report/streamReportPoints.js';
import type { ComparisonReads } from './checkComparisonInput.js';
import type { ComparisonJob, ComparisonOutput, SideSeries } from './comparisonJob.js';

/** One checked read with its collector found in the caller's tenant. */
export interface ComparisonRead {
  readonly collector: ReportCollector;
  readonly from: Date;
  readonly to: Date;
}

/** A rendered comparison: the document, and the changes or outliers it printed (for the answer). */
export interface RenderedComparison extends Pick<RenderedReport, 'body' | 'contentType' | 'fileName' | 'points'> {
  readonly changes: ComparisonOutput['changes'];
  readonly outliers: ComparisonOutput['outliers'];
}

/**
 * One collector's window, read on the event loop (I/O): only the columns the comparison
 * computes from (COMPARISON_COLUMNS, about half of them), no device rows.
 */
async function readSeries(runtime: Runtime, db: TenantDb, read: ComparisonRead, label: string) {
  const { collector, from, to } = read;
  const builder = await streamReportPoints(runtime, db, {
    collectorId: collector.id,
    from,
    to,
    columns: COMPARISON_COLUMNS,
    deviceKinds: [],
  });
  const points = builder.count;
  const { state, transfer } = builder.toState();
  const series: SideSeries = { label, state, meta: { machineId: collector.machineId, hostname: collector.hostname, from, to } };
  return { series, transfer, points };
}

/**
 * A fleet's members, summarised in the render pool: collector i + 1 is read while the worker
 * summarises collector i, so at most two collectors' series are held at once and reading and
 * summarising overlap.
 */
async function fleetMembers(runtime: Runtime, db: TenantDb, reads: readonly ComparisonRead[]) {
  const members: FleetMember[] = [];
  let points = 0;
  let pending: Promise<FleetMember> | undefined;
  for (const read of reads) {
    const { series, transfer, points: n } = await readSeries(runtime, db, read, read.collector.machineId);
    points += n;
    if (pending) members.push(await pending);
    pending = renderPool.render({ type: 'fleetMember', name: series.label, series }, transfer);
    // A read failing before it is awaited must not leave its rejection unhandled.
    pending.catch(() => undefined);
  }
  if (pending) members.push(await pending);
  return { members, points };
}

/** The comparison job of the request: both sides' series, or the fleet's summaries. */
async function comparisonInput(
  runtime: Runtime,
  db: TenantDb,
  kind: ComparisonReads['kind'],
  reads: readonly ComparisonRead[],
): Promise<{ input: ComparisonJob['input']; transfer: ArrayBuffer[]; points: number }> {
  if (kind === 'fleet') {
    const { members, points } = await fleetMembers(runtime, db, reads);
    return { input: { kind: 'fleet', members, from: reads[0]!.from.getTime(), to: reads[0]!.to.getTime() }, transfer: [], points };
  }
  const [before, after] = reads as [ComparisonRead, ComparisonRead];
  const same = before.collector.id === after.collector.id;
  const label = (read: ComparisonRead, role: string) => (same ? `${read.collector.machineId} ${role}` : read.collector.machineId);
  const a = await readSeries(runtime, db, before, label(before, 'before'));
  const b = await readSeries(runtime, db, after, label(after, 'after'));
  return {
    input: { kind: 'beforeAfter', sides: [a.series, b.series] },
    transfer: [...a.transfer, ...b.transfer],
    points: a.points + b.points,
  };
}

const CONTENT_TYPES = { pdf: 'application/pdf', svg: 'image/svg+xml; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

/**
 * Reads and compares (docs/report-comparisons.md). Reading stays on the event loop; the
 * summaries, the bootstrap and the document are computed in the render pool, so a fleet of
 * 100 collectors never blocks the service.
 */
export async function renderComparison(
  runtime: Runtime,
  db: TenantDb,
  request: { kind: ComparisonReads['kind']; reads: readonly ComparisonRead[]; format: 'html' | 'svg' | 'pdf'; generatedAt: Date },
): Promise<RenderedComparison> {
  const { input, transfer, points } = await comparisonInput(runtime, db, request.kind, request.reads);
  const job: ComparisonJob = { type: 'comparison', format: request.format, generatedAt: request.generatedAt.getTime(), input };
  const output = await renderPool.render(job, transfer);
  const first = request.reads[0]!;
  const stem = `comparison_${request.kind === 'fleet' ? 'fleet' : 'before-after'}_${fileSafe(first.collector.machineId)}_${fileStamp(first.from)}`;
  const body =
    typeof output.body === 'string' ? output.body : Buffer.from(output.body.buffer, output.body.byteOffset, output.body.byteLength);
  return {
    body,
    points,
    contentType: CONTENT_TYPES[request.format],
    fileName: `${stem}.${request.format}`,
    changes: output.changes,
    outliers: output.outliers,
  };
}
