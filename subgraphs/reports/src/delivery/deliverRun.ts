import type { Runtime, TenantDb } from '@perfanalysis/platform';
import { createArchiveLink } from '../archive/archiveLink.js';
import type { ClaimedRun } from '../schedule/claimedRun.js';
import type { DeliveryDocument, DeliveryRun } from './deliveryDocument.js';
import { postReportWebhooks } from './postReportWebhooks.js';
import { sendReportMail } from './sendReportMail.js';

/** The run's archived documents, each with a fresh link valid for `REPORT_ARCHIVE_LINK_TTL`. */
async function documentsOf(runtime: Runtime, db: TenantDb, runId: string): Promise<DeliveryDocument[]> {
  const { rows } = await db.query<{
    id: string;
    kind: 'COLLECTOR' | 'FLEET';
    collector_id: string | null;
    machine_id: string | null;
    collector_ids: string[];
    machine_ids: string[];
    file_name: string;
    content_type: string;
    body: Buffer;
  }>(
    `SELECT id, kind, collector_id, machine_id, collector_ids, machine_ids, file_name, content_type, body
       FROM ${db.table('report_archive')} WHERE run_id = $1 ORDER BY machine_ids, id`,
    [runId],
  );
  const { archiveLinkTtlMs, publicUrl } = runtime.config.reports;
  return Promise.all(
    rows.map(async (row) => {
      const link = await createArchiveLink(runtime, db, row.id, archiveLinkTtlMs);
      return {
        archiveId: row.id,
        kind: row.kind,
        collectorId: row.collector_id,
        machineId: row.machine_id,
        collectorIds: row.collector_ids,
        machineIds: row.machine_ids,
        fileName: row.file_name,
        contentType: row.content_type,
        body: row.body,
        url: `${publicUrl}${link.downloadUrl}`,
        linkExpiresAt: link.expiresAt,
      };
    }),
  );
}

/**
 * Delivers an archived run: e-mail unless already sent, then each webhook not yet told.
 * Progress is recorded per channel on the (locked) run, so a retry repeats only what failed.
 * Returns the first failure, or undefined when every channel is done.
 */
export async function deliverRun(runtime: Runtime, tenant: { slug: string; db: TenantDb }, run: ClaimedRun): Promise<string | undefined> {
  const { db } = tenant;
  const pending = run.webhook_ids.filter((id) => !run.webhooks_delivered.includes(id));
  const mailDue = run.recipients.length > 0 && !run.mailed_at;
  if (!mailDue && pending.length === 0) return undefined;
  const delivery: DeliveryRun = {
    runId: run.id,
    tenant: tenant.slug,
    scheduleId: run.schedule_id,
    scheduleName: run.schedule_name,
    from: run.window_from,
    to: run.window_to,
    documents: await documentsOf(runtime, db, run.id),
  };
  let error: string | undefined;
  if (mailDue) {
    try {
      await sendReportMail(runtime.config.mail, run.recipients, delivery);
      await db.query(`UPDATE ${db.table('report_runs')} SET mailed_at = now() WHERE id = $1`, [run.id]);
    } catch (failure) {
      error = `e-mail: ${failure instanceof Error ? failure.message : String(failure)}`;
    }
  }
  if (pending.length) {
    const hooks = await postReportWebhooks(runtime, db, pending, delivery);
    await db.query(`UPDATE ${db.table('report_runs')} SET webhooks_delivered = webhooks_delivered || $2::uuid[] WHERE id = $1`, [
      run.id,
      hooks.delivered,
    ]);
    error ??= hooks.error;
  }
  return error;
}
