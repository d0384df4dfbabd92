import { BadUserInputError, CollectorRef, NotFoundError, ref, type TenantDb } from '@perfanalysis/platform';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import type { AlertSeverity } from '../rule/rule.type.js';
import { Alert, AlertSilence, type AlertStatus, type SilenceInput } from './alert.type.js';

interface AlertRow {
  id: string;
  rule_id: string;
  rule_name: string;
  collector_id: string;
  status: AlertStatus;
  severity: AlertSeverity;
  summary: string;
  pending_at: Date;
  fired_at: Date | null;
  resolved_at: Date | null;
  fired_value: number | null;
  resolved_value: number | null;
  silenced: boolean;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

const SELECT = (db: TenantDb) =>
  `SELECT a.*, r.name AS rule_name FROM ${db.table('alerts')} a JOIN ${db.table('alert_rules')} r ON r.id = a.rule_id`;

function toAlert(row: AlertRow): Alert {
  return Object.assign(new Alert(), {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    collector: ref(CollectorRef, row.collector_id),
    status: row.status,
    severity: row.severity,
    summary: row.summary,
    pendingAt: row.pending_at,
    firedAt: row.fired_at,
    resolvedAt: row.resolved_at,
    firedValue: row.fired_value,
    resolvedValue: row.resolved_value,
    silenced: row.silenced,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  });
}

/** Pending and firing alerts, newest first. */
export async function activeAlerts(db: TenantDb): Promise<Alert[]> {
  const { rows } = await db.query<AlertRow>(`${SELECT(db)} WHERE a.status <> 'RESOLVED' ORDER BY a.pending_at DESC LIMIT 1000`);
  return rows.map(toAlert);
}

export const MAX_HISTORY = 5_000;

/** Alerts active at some instant of [from, to): pending before `to`, not resolved before `from`. */
export async function alertsBetween(db: TenantDb, from: Date, to: Date, limit = 1_000): Promise<Alert[]> {
  if (!(from.getTime() < to.getTime())) throw new BadUserInputError('from must lie before to.', { field: 'from' });
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY)
    throw new BadUserInputError(`limit must lie between 1 and ${MAX_HISTORY}.`, { field: 'limit' });
  const { rows } = await db.query<AlertRow>(
    `${SELECT(db)} WHERE a.pending_at < $2 AND (a.resolved_at IS NULL OR a.resolved_at >= $1)
      ORDER BY a.pending_at DESC LIMIT $3`,
    [from, to, limit],
  );
  return rows.map(toAlert);
}

export async function acknowledgeAlert(db: TenantDb, id: string, userId: string): Promise<Alert> {
  const { rowCount } = await db.queryById(
    `UPDATE ${db.table('alerts')} SET acknowledged_at = COALESCE(acknowledged_at, now()), acknowledged_by = COALESCE(acknowledged_by, $2) WHERE id = $1`,
    [id, userId],
  );
  if (!rowCount) throw new NotFoundError('No alert with this id in your tenant.', { field: 'id' });
  const { rows } = await db.query<AlertRow>(`${SELECT(db)} WHERE a.id = $1`, [id]);
  return toAlert(rows[0]!);
}

interface SilenceRow {
  id: string;
  rule_id: string | null;
  collector_id: string | null;
  starts_at: Date;
  ends_at: Date;
  comment: string | null;
}

function toSilence(row: SilenceRow): AlertSilence {
  return Object.assign(new AlertSilence(), {
    id: row.id,
    ruleId: row.rule_id,
    collector: row.collector_id ? ref(CollectorRef, row.collector_id) : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    comment: row.comment,
  });
}

/** Longest silence comment; a longer one is refused, never cut. */
export const MAX_SILENCE_COMMENT = 500;

export async function createSilence(db: TenantDb, input: SilenceInput, userId: string): Promise<AlertSilence> {
  const startsAt = input.startsAt ?? new Date();
  if (!(input.endsAt.getTime() > startsAt.getTime())) throw new BadUserInputError('endsAt must lie after startsAt.', { field: 'endsAt' });
  if (input.endsAt.getTime() - startsAt.getTime() > 90 * 86_400_000)
    throw new BadUserInputError('A silence lasts at most 90 days.', { field: 'endsAt' });
  if (input.comment !== undefined && input.comment !== null && input.comment.length > MAX_SILENCE_COMMENT)
    throw new BadUserInputError(`comment is longer than ${MAX_SILENCE_COMMENT} characters.`, { field: 'comment' });
  if (input.ruleId) {
    const found = (await db.queryById(`SELECT 1 FROM ${db.table('alert_rules')} WHERE id = $1`, [input.ruleId])).rowCount;
    if (!found) throw new NotFoundError('No alert rule with this id in your tenant.', { field: 'ruleId' });
  }
  if (input.collectorId) {
    const found = (await collectorsByIds(db, [input.collectorId])).length > 0;
    if (!found) throw new NotFoundError('No collector with this id in your tenant.', { field: 'collectorId' });
  }
  const { rows } = await db.query<SilenceRow>(
    `INSERT INTO ${db.table('alert_silences')} (rule_id, collector_id, starts_at, ends_at, comment, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [input.ruleId ?? null, input.collectorId ?? null, startsAt, input.endsAt, input.comment ?? null, userId],
  );
  return toSilence(rows[0]!);
}

export async function listSilences(db: TenantDb): Promise<AlertSilence[]> {
  const { rows } = await db.query<SilenceRow>(`SELECT * FROM ${db.table('alert_silences')} WHERE ends_at > now() ORDER BY starts_at`);
  return rows.map(toSilence);
}
