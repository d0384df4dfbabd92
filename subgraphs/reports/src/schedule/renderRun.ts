import type { Runtime, TenantDb } from '@perfanalysis/platform';
import { REPORT_SECTIONS } from '@perfanalysis/reports';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import { type ArchiveDocument, insertArchived } from '../archive/archiveStore.js';
import { ComparisonKind } from '../compare/comparison.type.js';
import { renderComparison } from '../compare/renderComparison.js';
import type { ReportCollector } from '../report/findReportCollector.js';
import { renderCollectorReport } from '../report/renderCollectorReport.js';
import { ScheduledReportKind } from './reportSchedule.type.js';
import type { ClaimedRun } from './claimedRun.js';

/** The run's collectors that still exist, in the schedule's order; a deleted one fails the attempt, naming it. */
async function collectorsOf(db: TenantDb, ids: readonly string[]): Promise<ReportCollector[]> {
  const rows = await collectorsByIds(db, ids);
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) throw new Error(`collector ${missing.join(', ')} no longer exists`);
  return ids
    .map((id) => rows.find((row) => row.id === id)!)
    .map((row) => ({ id: row.id, machineId: row.machineId, hostname: row.hostname }));
}

/** What every archived document of the run shares: the run, the schedule and who made it, the window and the format. */
function runFields(run: ClaimedRun) {
  return {
    runId: run.id,
    scheduleId: run.schedule_id,
    scheduleName: run.schedule_name,
    createdBy: run.created_by,
    createdByEmail: run.created_by_email,
    format: run.format,
    from: run.window_from,
    to: run.window_to,
  };
}

const bytesOf = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body) : body);

/** One collector report per collector (all sections, the schedule's format). */
async function* collectorDocuments(runtime: Runtime, db: TenantDb, run: ClaimedRun, collectors: ReportCollector[], now: Date) {
  for (const collector of collectors) {
    const rendered = await renderCollectorReport(runtime, db, {
      collector,
      from: run.window_from,
      to: run.window_to,
      sections: [...REPORT_SECTIONS],
      format: run.format,
      generatedAt: now,
    });
    yield { ...rendered, kind: ScheduledReportKind.COLLECTOR, collectors: [collector] };
  }
}

/** One fleet comparison of all the run's collectors over its window (docs/report-comparisons.md). */
async function* fleetDocument(runtime: Runtime, db: TenantDb, run: ClaimedRun, collectors: ReportCollector[], now: Date) {
  const reads = collectors.map((collector) => ({ collector, from: run.window_from, to: run.window_to }));
  const rendered = await renderComparison(runtime, db, { kind: ComparisonKind.FLEET, reads, format: run.format, generatedAt: now });
  yield { ...rendered, kind: ScheduledReportKind.FLEET, collectors };
}

/**
 * Renders the run's documents — one collector report per collector, or one fleet comparison
 * of them all, as the schedule's kind says — and archives each in the run's transaction, so a
 * failed attempt leaves no partial archive.
 */
export async function renderRun(runtime: Runtime, db: TenantDb, run: ClaimedRun, now: Date): Promise<void> {
  const collectors = await collectorsOf(db, run.collector_ids);
  const documents =
    run.kind === ScheduledReportKind.FLEET
      ? fleetDocument(runtime, db, run, collectors, now)
      : collectorDocuments(runtime, db, run, collectors, now);
  for await (const rendered of documents) {
    const doc: ArchiveDocument = {
      ...runFields(run),
      kind: rendered.kind,
      collectors: rendered.collectors.map((c) => ({ id: c.id, machineId: c.machineId })),
      contentType: rendered.contentType,
      fileName: rendered.fileName,
      points: rendered.points,
      body: bytesOf(rendered.body),
    };
    await insertArchived(db, doc);
  }
}
