import type { ApiKeyScope } from '@perfanalysis/platform';
import type { ClientBase } from 'pg';

/**
 * The public API-key index as the gateway authenticates with it, without naming
 * `public.api_keys`. Re-exported by `./index`.
 */

/** One key as the gateway needs it: its hash to compare, whose it is and whether it is revoked or expiring. */
export interface ApiKeyIndexRecord {
  readonly id: string;
  readonly keyHash: string;
  readonly tenantId: string;
  readonly collectorId: string;
  readonly scopes: ApiKeyScope[];
  readonly revoked: boolean;
  readonly expiresAt: Date | null;
}

/** The key with this prefix, or null. */
export async function apiKeyByPrefix(db: Pick<ClientBase, 'query'>, prefix: string): Promise<ApiKeyIndexRecord | null> {
  const { rows } = await db.query<ApiKeyIndexRecord>(
    `SELECT id, key_hash AS "keyHash", tenant_id AS "tenantId", collector_id AS "collectorId", scopes,
            revoked_at IS NOT NULL AS revoked, expires_at AS "expiresAt"
       FROM public.api_keys WHERE prefix = $1`,
    [prefix],
  );
  return rows[0] ?? null;
}
