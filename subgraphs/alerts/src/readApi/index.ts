import type { TenantDb } from '@perfanalysis/platform';

/**
 * The alerts subgraph's published data (docs/migrations.md): a tenant's fired alerts and its
 * webhook targets for other subgraphs, without naming the tables. Imported as
 * `@perfanalysis/subgraph-alerts/read`. Every function takes the tenant's handle (docs/tenant-db.md).
 */

/** An alert that fired, with its rule's name. */
export interface FiredAlert {
  readonly ruleName: string;
  readonly severity: 'INFO' | 'WARNING' | 'CRITICAL';
  readonly firedAt: Date;
  readonly resolvedAt: Date | null;
  readonly firedValue: number | null;
  readonly summary: string;
}

/**
 * The collector's alerts that fired and were active at some instant of [from, to), newest
 * first, at most `limit`. Pending alerts that never fired are not in it.
 */
export async function firedAlerts(
  db: TenantDb,
  request: { readonly collectorId: string; readonly from: Date; readonly to: Date; readonly limit: number },
): Promise<FiredAlert[]> {
  const { rows } = await db.query<FiredAlert>(
    `SELECT r.name AS "ruleName", a.severity, a.fired_at AS "firedAt", a.resolved_at AS "resolvedAt", a.fired_value AS "firedValue", a.summary
       FROM ${db.table('alerts')} a JOIN ${db.table('alert_rules')} r ON r.id = a.rule_id
      WHERE a.collector_id = $1 AND a.fired_at IS NOT NULL AND a.fired_at < $3 AND (a.resolved_at IS NULL OR a.resolved_at >= $2)
      ORDER BY a.fired_at DESC LIMIT $4`,
    [request.collectorId, request.from, request.to, request.limit],
  );
  return rows;
}

/** A webhook target with the secret its deliveries are signed with. */
export interface WebhookTarget {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly enabled: boolean;
}

/** The tenant's webhooks among `ids` (only the enabled ones when asked), in id order; other subgraphs post to the same targets. */
export async function webhookTargets(
  db: TenantDb,
  ids: readonly string[],
  options: { enabledOnly?: boolean } = {},
): Promise<WebhookTarget[]> {
  const { rows } = await db.query<WebhookTarget>(
    `SELECT id, url, secret, enabled FROM ${db.table('alert_webhooks')}
      WHERE id = ANY($1::uuid[])${options.enabledOnly ? ' AND enabled' : ''} ORDER BY id`,
    [ids],
  );
  return rows;
}
