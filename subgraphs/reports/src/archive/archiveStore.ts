import { CollectorRef, NotFoundError, ref, type SubgraphContext, type TenantDb } from '@perfanalysis/platform';
import type { ReportFormat } from '../report/report.type.js';
import { ScheduledReportKind } from '../schedule/reportSchedule.type.js';
import { ReportArchiveEntry } from './reportArchive.type.js';

/** A `report_archive` row without its body. */
export interface ArchiveRow {
  id: string;
  run_id: string | null;
  schedule_id: string | null;
  schedule_name: string;
  created_by_email: string | null;
  kind: string;
  collector_id: string | null;
  machine_id: string | null;
  collector_ids: string[];
  machine_ids: string[];
  format: string;
  file_name: string;
  window_from: Date;
  window_to: Date;
  points: number;
  bytes: number;
  created_at: Date;
}

/** Every column but the body: lists never read documents. */
export const ARCHIVE_COLUMNS =
  'id, run_id, schedule_id, schedule_name, created_by_email, kind, collector_id, machine_id, collector_ids, machine_ids, format, file_name, window_from, window_to, points, bytes, created_at';

/** What one archived document holds: a collector report (one collector) or a fleet comparison (all of the run's). */
export interface ArchiveDocument {
  readonly runId: string;
  readonly scheduleId: string;
  readonly scheduleName: string;
  readonly createdBy: string | null;
  readonly createdByEmail: string | null;
  readonly kind: ScheduledReportKind;
  readonly collectors: readonly { readonly id: string; readonly machineId: string }[];
  readonly format: string;
  readonly contentType: string;
  readonly fileName: string;
  readonly from: Date;
  readonly to: Date;
  readonly points: number;
  readonly body: Buffer;
}

/** Stores one rendered document in the run's transaction; returns its id. */
export async function insertArchived(db: TenantDb, doc: ArchiveDocument): Promise<string> {
  // The single-collector columns name a collector report's subject; a fleet has none.
  const single = doc.kind === ScheduledReportKind.COLLECTOR ? doc.collectors[0] : undefined;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${db.table('report_archive')}
       (run_id, schedule_id, schedule_name, created_by, created_by_email, kind, collector_id, machine_id, collector_ids, machine_ids,
        format, content_type, file_name, window_from, window_to, points, bytes, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      doc.runId,
      doc.scheduleId,
      doc.scheduleName,
      doc.createdBy,
      doc.createdByEmail,
      doc.kind,
      single?.id ?? null,
      single?.machineId ?? null,
      doc.collectors.map((c) => c.id),
      doc.collectors.map((c) => c.machineId),
      doc.format,
      doc.contentType,
      doc.fileName,
      doc.from,
      doc.to,
      doc.points,
      doc.body.length,
      doc.body,
    ],
  );
  return rows[0]!.id;
}

export function toArchiveEntry(row: ArchiveRow, retentionMs: number): ReportArchiveEntry {
  return Object.assign(new ReportArchiveEntry(), {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduleName: row.schedule_name,
    runId: row.run_id,
    createdBy: row.created_by_email,
    kind: row.kind as ScheduledReportKind,
    collector: row.collector_id ? ref(CollectorRef, row.collector_id) : null,
    machineId: row.machine_id,
    collectors: row.collector_ids.map((id) => ref(CollectorRef, id)),
    machineIds: row.machine_ids,
    format: row.format as ReportFormat,
    fileName: row.file_name,
    from: row.window_from,
    to: row.window_to,
    points: row.points,
    bytes: row.bytes,
    createdAt: row.created_at,
    expiresAt: new Date(row.created_at.getTime() + retentionMs),
  });
}

/** The caller's archive entry with this id; another tenant's id is absent from the caller's schema, so NOT_FOUND. */
export async function findArchived(ctx: SubgraphContext, id: string): Promise<ArchiveRow> {
  const db = ctx.tenantDb();
  const { rows } = await db.queryById<ArchiveRow>(`SELECT ${ARCHIVE_COLUMNS} FROM ${db.table('report_archive')} WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('No archived report with this id in your tenant.', { field: 'id' });
  return rows[0];
}
