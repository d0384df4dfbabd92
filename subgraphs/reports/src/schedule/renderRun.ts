import type { Runtime } from '@perfanalysis/platform';
import { REPORT_SECTIONS } from '@perfanalysis/reports';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import type { PoolClient } from 'pg';
import { insertArchived } from '../archive/archiveStore.js';
import type { ReportCollector } from '../report/findReportCollector.js';
import { renderCollectorReport } from '../report/renderCollectorReport.js';
import type { ClaimedRun } from './claimedRun.js';

/** The run's collectors that still exist; a deleted one fails the attempt, naming it. */
async function collectorsOf(client: PoolClient, schema: string, ids: readonly string[]): Promise<ReportCollector[]> {
  const rows = await collectorsByIds(client, schema, ids);
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) throw new Error(`collector ${missing.join(', ')} no longer exists`);
  return ids
    .map((id) => rows.find((row) => row.id === id)!)
    .map((row) => ({ id: row.id, machineId: row.machineId, hostname: row.hostname }));
}

/**
 * Renders one document per collector of the run (all sections, the schedule's format) and
 * archives each in the run's transaction, so a failed attempt leaves no partial archive.
 */
export async function renderRun(runtime: Runtime, client: PoolClient, schema: string, run: ClaimedRun, now: Date): Promise<void> {
  for (const collector of await collectorsOf(client, schema, run.collector_ids)) {
    const rendered = await renderCollectorReport(runtime, {
      collector,
      schema,
      from: run.window_from,
      to: run.window_to,
      sections: [...REPORT_SECTIONS],
      format: run.format,
      generatedAt: now,
    });
    await insertArchived(client, schema, {
      runId: run.id,
      scheduleId: run.schedule_id,
      scheduleName: run.schedule_name,
      createdBy: run.created_by,
      createdByEmail: run.created_by_email,
      collectorId: collector.id,
      machineId: collector.machineId,
      format: run.format,
      contentType: rendered.contentType,
      fileName: rendered.fileName,
      from: run.window_from,
      to: run.window_to,
      points: rendered.points,
      body: typeof rendered.body === 'string' ? Buffer.from(rendered.body) : rendered.body,
    });
  }
}
