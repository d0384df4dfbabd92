import { CollectorRef, NotFoundError, ref, type SubgraphContext } from '@perfanalysis/platform';
import { ReportFormat } from '../report/report.type.js';
import type { ValidSchedule } from './checkScheduleInput.js';
import { ReportRun, ReportSchedule, type ReportScheduleWindow, type ScheduledReportKind } from './reportSchedule.type.js';
import type { ScheduleWindowName } from './scheduleTiming.js';

/** A `report_schedules` row. */
export interface ScheduleRow {
  id: string;
  name: string;
  cron: string;
  time_zone: string;
  kind: string;
  format: 'html' | 'pdf';
  collector_ids: string[];
  report_window: ScheduleWindowName;
  recipients: string[];
  webhook_ids: string[];
  paused: boolean;
  next_run_at: Date;
  created_by: string | null;
  created_by_email: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A `report_runs` row. */
export interface RunRow {
  id: string;
  schedule_id: string;
  scheduled_for: Date;
  window_from: Date;
  window_to: Date;
  manual: boolean;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  rendered_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export const toSchedule = (row: ScheduleRow): ReportSchedule =>
  Object.assign(new ReportSchedule(), {
    id: row.id,
    name: row.name,
    cron: row.cron,
    timeZone: row.time_zone,
    kind: row.kind as ScheduledReportKind,
    format: row.format as ReportFormat,
    collectors: row.collector_ids.map((id) => ref(CollectorRef, id)),
    window: row.report_window as ReportScheduleWindow,
    recipients: row.recipients,
    webhookIds: row.webhook_ids,
    paused: row.paused,
    nextRunAt: row.paused ? null : row.next_run_at,
    createdBy: row.created_by_email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

export const toRun = (row: RunRow): ReportRun =>
  Object.assign(new ReportRun(), {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduledFor: row.scheduled_for,
    from: row.window_from,
    to: row.window_to,
    manual: row.manual,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'PENDING' || row.status === 'DELIVERING' ? row.next_attempt_at : null,
    renderedBy: row.rendered_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });

/** The schedule back as the input it was made from, so an update can change a few fields and check the whole. */
export function inputOf(row: ScheduleRow): ValidSchedule {
  return {
    name: row.name,
    cron: row.cron,
    timeZone: row.time_zone,
    kind: row.kind as ScheduledReportKind,
    format: row.format,
    collectorIds: row.collector_ids,
    window: row.report_window as ReportScheduleWindow,
    recipients: row.recipients,
    webhookIds: row.webhook_ids,
  };
}

/** The caller's schedule with this id; another tenant's id is absent from the caller's schema, so NOT_FOUND. */
export async function findSchedule(ctx: SubgraphContext, id: string): Promise<ScheduleRow> {
  const db = ctx.tenantDb();
  const { rows } = await db.queryById<ScheduleRow>(`SELECT * FROM ${db.table('report_schedules')} WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('No report schedule with this id in your tenant.', { field: 'id' });
  return rows[0];
}

/** The column values of a checked schedule, in the order of {@link SCHEDULE_COLUMNS}. */
export function scheduleValues(valid: ValidSchedule): unknown[] {
  return [
    valid.name,
    valid.cron,
    valid.timeZone,
    valid.kind,
    valid.format,
    valid.collectorIds,
    valid.window,
    valid.recipients,
    valid.webhookIds,
  ];
}

export const SCHEDULE_COLUMNS = 'name, cron, time_zone, kind, format, collector_ids, report_window, recipients, webhook_ids';
