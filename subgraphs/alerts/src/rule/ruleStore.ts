import { columnFieldName, METRIC_COLUMNS, type MetricColumn } from '@perfanalysis/contract';
import { BadUserInputError, CollectorRef, NotFoundError, ref, type TenantDb } from '@perfanalysis/platform';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import type { EvaluatedRule, RuleCondition } from '../evaluate/evaluator.js';
import { AlertRule, type AlertRuleInput, AlertRuleKind, AlertSeverity, type ComparisonOp } from './rule.type.js';

/** A rule row as stored. */
export interface RuleRow {
  id: string;
  name: string;
  metric: string;
  collector_ids: string[] | null;
  kind: AlertRuleKind;
  op: ComparisonOp | null;
  threshold: number | null;
  window_ms: number;
  z_score: number | null;
  warmup: number;
  silent_ms: number | null;
  for_ms: number;
  severity: AlertSeverity;
  summary: string;
  enabled: boolean;
  created_at: Date;
}

const BY_FIELD = new Map<string, MetricColumn>(METRIC_COLUMNS.flatMap((c) => [[c, c] as const, [columnFieldName(c), c] as const]));
const MAX_SECONDS = 7 * 86_400;
export const MAX_RULES_PER_TENANT = 500;

export function toAlertRule(row: RuleRow): AlertRule {
  return Object.assign(new AlertRule(), {
    id: row.id,
    name: row.name,
    metric: row.metric,
    collectors: row.collector_ids?.map((id) => ref(CollectorRef, id)) ?? null,
    kind: row.kind,
    op: row.op,
    threshold: row.threshold,
    windowSeconds: Math.round(row.window_ms / 1000),
    zScore: row.z_score,
    warmupPoints: row.warmup,
    silentSeconds: row.silent_ms === null ? null : Math.round(row.silent_ms / 1000),
    forSeconds: Math.round(row.for_ms / 1000),
    severity: row.severity,
    summary: row.summary,
    enabled: row.enabled,
    createdAt: row.created_at,
  });
}

/** The evaluator's view of a rule. */
export function evaluatedRule(row: RuleRow): EvaluatedRule {
  let condition: RuleCondition;
  if (row.kind === AlertRuleKind.THRESHOLD)
    condition = { kind: 'THRESHOLD', op: row.op!, threshold: row.threshold!, windowMs: row.window_ms };
  else if (row.kind === AlertRuleKind.ANOMALY) condition = { kind: 'ANOMALY', zScore: row.z_score!, warmup: row.warmup };
  else condition = { kind: 'SILENT', silentMs: row.silent_ms! };
  return { condition, forMs: row.for_ms };
}

function seconds(value: number | undefined, field: string, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0 || v > MAX_SECONDS)
    throw new BadUserInputError(`${field} must be a whole number of seconds between 0 and ${MAX_SECONDS}.`, { field });
  return v;
}

function defaultSummary(kind: AlertRuleKind): string {
  if (kind === AlertRuleKind.SILENT) return '{{collector}} sent no data for {{value}} s';
  if (kind === AlertRuleKind.ANOMALY) return '{{metric}} on {{collector}} is unusual: {{value}}';
  return '{{metric}} on {{collector}} is {{value}} (threshold {{threshold}})';
}

/** Checks an input and turns it into the columns stored; every refusal names the field. */
export async function validateRuleInput(db: TenantDb, input: AlertRuleInput): Promise<Omit<RuleRow, 'id' | 'created_at'>> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) throw new BadUserInputError('name must be 1 to 200 characters.', { field: 'name' });
  let metric = '';
  if (input.kind !== AlertRuleKind.SILENT) {
    const column = input.metric ? BY_FIELD.get(input.metric) : undefined;
    if (!column)
      throw new BadUserInputError(`metric must be one of the columns of a point: ${METRIC_COLUMNS.join(', ')}.`, {
        field: 'metric',
        value: input.metric ?? null,
      });
    metric = column;
  }
  let collectorIds: string[] | null = null;
  if (input.collectorIds) {
    const ids = [...new Set(input.collectorIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0 || ids.length > 1000)
      throw new BadUserInputError('Give 1 to 1000 collector ids, or omit collectorIds for all.', { field: 'collectorIds' });
    const found = new Set((await collectorsByIds(db, ids)).map((c) => c.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw new NotFoundError('No collector with these ids in your tenant.', { field: 'collectorIds', ids: unknown });
    collectorIds = ids;
  }
  const row = {
    name,
    metric,
    collector_ids: collectorIds,
    kind: input.kind,
    op: null as ComparisonOp | null,
    threshold: null as number | null,
    window_ms: 0,
    z_score: null as number | null,
    warmup: 30,
    silent_ms: null as number | null,
    for_ms: seconds(input.forSeconds, 'forSeconds', 0) * 1000,
    severity: input.severity ?? AlertSeverity.WARNING,
    summary: (input.summary ?? defaultSummary(input.kind)).slice(0, 1000),
    enabled: input.enabled ?? true,
  };
  if (input.kind === AlertRuleKind.THRESHOLD) {
    if (!input.op) throw new BadUserInputError('A THRESHOLD rule needs op (GT, GTE, LT or LTE).', { field: 'op' });
    if (input.threshold === undefined || input.threshold === null || !Number.isFinite(input.threshold))
      throw new BadUserInputError('A THRESHOLD rule needs a finite threshold.', { field: 'threshold' });
    row.op = input.op;
    row.threshold = input.threshold;
    row.window_ms = seconds(input.windowSeconds, 'windowSeconds', 0) * 1000;
  } else if (input.kind === AlertRuleKind.ANOMALY) {
    const z = input.zScore ?? 4;
    if (!Number.isFinite(z) || z < 1 || z > 20) throw new BadUserInputError('zScore must lie between 1 and 20.', { field: 'zScore' });
    const warmup = input.warmupPoints ?? 30;
    if (!Number.isInteger(warmup) || warmup < 5 || warmup > 100_000)
      throw new BadUserInputError('warmupPoints must be a whole number between 5 and 100000.', { field: 'warmupPoints' });
    row.z_score = z;
    row.warmup = warmup;
  } else {
    const silent = seconds(input.silentSeconds, 'silentSeconds', 0);
    if (silent < 5) throw new BadUserInputError('A SILENT rule needs silentSeconds of at least 5.', { field: 'silentSeconds' });
    row.silent_ms = silent * 1000;
  }
  return row;
}

const COLUMNS =
  'id, name, metric, collector_ids, kind, op, threshold, window_ms, z_score, warmup, silent_ms, for_ms, severity, summary, enabled, created_at';

export async function listRules(db: TenantDb, onlyEnabled = false): Promise<RuleRow[]> {
  const { rows } = await db.query<RuleRow>(
    `SELECT ${COLUMNS} FROM ${db.table('alert_rules')} ${onlyEnabled ? 'WHERE enabled' : ''} ORDER BY created_at, id`,
  );
  return rows;
}

export async function findRule(db: TenantDb, id: string): Promise<RuleRow> {
  const { rows } = await db.queryById<RuleRow>(`SELECT ${COLUMNS} FROM ${db.table('alert_rules')} WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError('No alert rule with this id in your tenant.', { field: 'id' });
  return rows[0];
}

type Stored = Omit<RuleRow, 'id' | 'created_at'>;
const VALUES = (r: Stored) => [
  r.name,
  r.metric,
  r.collector_ids,
  r.kind,
  r.op,
  r.threshold,
  r.window_ms,
  r.z_score,
  r.warmup,
  r.silent_ms,
  r.for_ms,
  r.severity,
  r.summary,
  r.enabled,
];

export async function insertRule(db: TenantDb, rule: Stored): Promise<RuleRow> {
  const { rows: count } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${db.table('alert_rules')}`);
  if (count[0]!.n >= MAX_RULES_PER_TENANT) throw new BadUserInputError(`At most ${MAX_RULES_PER_TENANT} alert rules per tenant.`);
  const { rows } = await db.query<RuleRow>(
    `INSERT INTO ${db.table('alert_rules')} (name, metric, collector_ids, kind, op, threshold, window_ms, z_score, warmup, silent_ms, for_ms, severity, summary, enabled)
     VALUES ($1, $2, $3::uuid[], $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COLUMNS}`,
    VALUES(rule),
  );
  return rows[0]!;
}

/** Replaces a rule; its evaluation state starts afresh (the old one judged another condition). */
export async function updateRule(db: TenantDb, id: string, rule: Stored): Promise<RuleRow> {
  await findRule(db, id);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<RuleRow>(
      `UPDATE ${tx.table('alert_rules')} SET name = $1, metric = $2, collector_ids = $3::uuid[], kind = $4, op = $5, threshold = $6, window_ms = $7,
         z_score = $8, warmup = $9, silent_ms = $10, for_ms = $11, severity = $12, summary = $13, enabled = $14, updated_at = now()
       WHERE id = $15 RETURNING ${COLUMNS}`,
      [...VALUES(rule), id],
    );
    await tx.query(`DELETE FROM ${tx.table('alert_rule_state')} WHERE rule_id = $1`, [id]);
    await tx.query(
      `UPDATE ${tx.table('alerts')} SET status = 'RESOLVED', resolved_at = now() WHERE rule_id = $1 AND status <> 'RESOLVED'`,
      [id],
    );
    return rows[0]!;
  });
}

export async function deleteRule(db: TenantDb, id: string): Promise<void> {
  await findRule(db, id);
  await db.query(`DELETE FROM ${db.table('alert_rules')} WHERE id = $1`, [id]);
}
