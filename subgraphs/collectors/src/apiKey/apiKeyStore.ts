import type { EntityManager } from '@mikro-orm/postgresql';
import { issueApiKey } from '@perfanalysis/platform';

/** Runs one statement and returns the affected row count; lets key writes join a transaction. */
export type Statement = (sql: string, params: unknown[]) => Promise<number>;

/** Statements on a pool, or on a tenant handle (inside its transaction when it is in one). */
export const poolStatement =
  (db: { query(sql: string, params: unknown[]): Promise<{ rowCount: number | null }> }): Statement =>
  (sql, params) =>
    db.query(sql, params).then((r) => r.rowCount ?? 0);

/**
 * Statements on the EntityManager's connection, inside its transaction when it has one.
 * MikroORM binds `?` positionally, so `$n` placeholders are rewritten in order of use.
 */
export const emStatement =
  (em: EntityManager): Statement =>
  (sql, params) => {
    const ordered: unknown[] = [];
    const positional = sql.replace(/\$(\d+)/g, (_, n: string) => (ordered.push(params[Number(n) - 1]), '?'));
    return em.execute<{ affectedRows: number }>(positional, ordered, 'run').then((r) => r.affectedRows);
  };

/**
 * Writes the public API-key index: prefix → tenant + collector, hash only. A rotated key
 * keeps the scopes of the collector's newest key; a new collector's key has none.
 */
export async function insertApiKey(run: Statement, tenantId: string, collectorId: string): Promise<string> {
  const key = issueApiKey();
  await run(
    `INSERT INTO public.api_keys (prefix, key_hash, tenant_id, collector_id, scopes)
     VALUES ($1, $2, $3, $4, COALESCE((SELECT scopes FROM public.api_keys WHERE tenant_id = $3 AND collector_id = $4
                                        ORDER BY created_at DESC LIMIT 1), '{}'))`,
    [key.prefix, key.hash, tenantId, collectorId],
  );
  return key.key;
}

/** Sets the scopes of every unrevoked key of the collector; the count of keys changed. */
export function setKeyScopes(run: Statement, tenantId: string, collectorId: string, scopes: readonly string[]): Promise<number> {
  // Joined and split in SQL: the EntityManager's binding would flatten an array parameter.
  return run(
    `UPDATE public.api_keys SET scopes = string_to_array($3, ',') WHERE tenant_id = $1 AND collector_id = $2 AND revoked_at IS NULL`,
    [tenantId, collectorId, scopes.join(',')],
  );
}

/** Live keys of the collector keep working until `graceEndsAt`, then stop. */
export function expireLiveKeys(run: Statement, tenantId: string, collectorId: string, graceEndsAt: Date): Promise<number> {
  return run(
    `UPDATE public.api_keys SET expires_at = LEAST(COALESCE(expires_at, $3), $3)
      WHERE tenant_id = $1 AND collector_id = $2 AND revoked_at IS NULL`,
    [tenantId, collectorId, graceEndsAt],
  );
}

export function revokeKeys(run: Statement, tenantId: string, collectorId: string): Promise<number> {
  return run('UPDATE public.api_keys SET revoked_at = now() WHERE tenant_id = $1 AND collector_id = $2 AND revoked_at IS NULL', [
    tenantId,
    collectorId,
  ]);
}
