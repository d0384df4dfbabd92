import type { Pool } from 'pg';
import type { Logger } from '../logging/logger.js';

export type AuditAction =
  | 'LOGIN'
  | 'LOGOUT'
  | 'REGISTER'
  | 'REFRESH_REUSE'
  | 'PASSWORD_CHANGE'
  | 'TENANT_PROVISION'
  | 'TENANT_UPDATE'
  | 'ROLE_CHANGE'
  | 'INVITATION_SENT'
  | 'INVITATION_ACCEPTED'
  | 'INVITATION_DECLINED'
  | 'INVITATION_REVOKED'
  | 'KEY_ISSUED'
  | 'KEY_ROTATED'
  | 'KEY_REVOKED'
  | 'KEY_SCOPES'
  | 'UPLOAD'
  | 'EXPORT'
  | 'REPORT_SCHEDULE'
  | 'REPORT_PROFILE';

/** One audit event (docs/tenancy.md): written to the audit table and to the JSON log. */
export interface AuditEvent {
  readonly action: AuditAction;
  readonly outcome: 'SUCCESS' | 'FAILURE';
  readonly tenantId: string | null;
  /** User id, `collector:<id>`, or the e-mail tried on a failed login. */
  readonly actor: string | null;
  readonly ip: string | null;
  readonly details?: Record<string, unknown>;
}

/** One stored audit event, as the audit trail lists it. */
export interface StoredAuditEvent {
  readonly id: string;
  readonly at: Date;
  readonly action: string;
  readonly outcome: string;
  readonly actor: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
}

/** A tenant's audit events strictly before `before` (when given), newest first, at most `limit`. */
export async function readAuditTrail(pool: Pool, tenantId: string, page: { limit: number; before?: Date }): Promise<StoredAuditEvent[]> {
  const { rows } = await pool.query<Omit<StoredAuditEvent, 'id'> & { id: number }>(
    `SELECT id, at, action, outcome, actor, ip, details FROM public.audit_events
      WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR at < $2) ORDER BY at DESC, id DESC LIMIT $3`,
    [tenantId, page.before ?? null, page.limit],
  );
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}

/** Never throws: an audit failure is logged loudly but does not fail the user's action. */
export async function recordAudit(pool: Pool, logger: Logger, event: AuditEvent): Promise<void> {
  logger.info({ audit: event }, `audit ${event.action} ${event.outcome}`);
  try {
    await pool.query('INSERT INTO public.audit_events (tenant_id, actor, action, ip, outcome, details) VALUES ($1, $2, $3, $4, $5, $6)', [
      event.tenantId,
      event.actor,
      event.action,
      event.ip,
      event.outcome,
      JSON.stringify(event.details ?? {}),
    ]);
  } catch (error) {
    logger.error({ err: error, audit: event }, 'audit event not stored');
  }
}
