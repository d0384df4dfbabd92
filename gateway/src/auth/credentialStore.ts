import {
  type ApiKeyScope,
  bindTenant,
  onTenantChanged,
  type PubSub,
  type Role,
  type TenantBinding,
  TtlCache,
  type Unsubscribe,
} from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { ApiKeyCache, type ApiKeyRecord } from './apiKeyCache.js';

/** How long a seat or domain lookup may be reused: revocations and deactivations apply within this. */
const FRESHNESS_MS = 1_000;

export interface SeatRecord {
  readonly userActive: boolean;
  /** The tenant of the membership, when it exists and the tenant is active; its slug is read from its id. */
  readonly tenant: TenantBinding | null;
  readonly role: Role | null;
}

/**
 * The gateway's read-only view of the public schema: seats and domains memoised for a second
 * (dropped at once when a tenant change is announced), API keys kept until a change of them is
 * announced (ApiKeyCache).
 */
export class CredentialStore {
  private readonly seats = new TtlCache<SeatRecord>(FRESHNESS_MS);
  private readonly domains = new TtlCache<TenantBinding | null>(5 * FRESHNESS_MS);
  private stopFollowing: Unsubscribe | undefined;

  constructor(
    private readonly pool: Pool,
    readonly keys = new ApiKeyCache(),
  ) {}

  /**
   * Hears key changes (ApiKeyCache) and tenant changes: a tenant (de)activated on `tenant-changed`
   * (docs/wire.md) empties the seats and domains, so its tokens and its domain stop (or work
   * again) with the next request rather than within the memo's lifetime. Tenant changes are
   * rare, so every entry goes rather than a search for the tenant's.
   */
  async listen(pubsub: PubSub): Promise<void> {
    await this.keys.listen(pubsub);
    this.stopFollowing = await onTenantChanged(pubsub, () => {
      this.seats.clear();
      this.domains.clear();
    });
  }

  async close(): Promise<void> {
    await this.stopFollowing?.();
    await this.keys.close();
  }

  apiKey(prefix: string): Promise<ApiKeyRecord | null> {
    return this.keys.get(prefix, async () => {
      const { rows } = await this.pool.query<{
        id: string;
        key_hash: string;
        collector_id: string;
        tenant_id: string;
        slug: string;
        key_live: boolean;
        expires_at: Date | null;
        tenant_active: boolean;
        scopes: ApiKeyScope[];
      }>(
        `SELECT k.id, k.key_hash, k.collector_id, k.scopes, k.tenant_id, t.slug, t.active AS tenant_active,
                k.revoked_at IS NULL AS key_live, k.expires_at
           FROM public.api_keys k JOIN public.tenants t ON t.id = k.tenant_id WHERE k.prefix = $1`,
        [prefix],
      );
      const row = rows[0];
      if (!row) return null;
      const tenant = bindTenant(this.pool, row.slug);
      const collector = await tenant.query<{ active: boolean }>(`SELECT active FROM ${tenant.table('collectors')} WHERE id = $1`, [
        row.collector_id,
      ]);
      return {
        keyId: row.id,
        keyHash: row.key_hash,
        collectorId: row.collector_id,
        scopes: row.scopes,
        tenant: { id: row.tenant_id, slug: row.slug },
        live: row.key_live && row.tenant_active && collector.rows[0]?.active === true,
        expiresAt: row.expires_at?.getTime() ?? null,
      };
    });
  }

  seat(userId: string, tenantId: string | null): Promise<SeatRecord> {
    return this.seats.get(`${userId}:${tenantId}`, async () => {
      const { rows } = await this.pool.query<{
        user_active: boolean;
        tenant_active: boolean | null;
        slug: string | null;
        role: Role | null;
      }>(
        `SELECT u.active AS user_active, t.active AS tenant_active, t.slug, m.role
           FROM public.users u
           LEFT JOIN public.memberships m ON m.user_id = u.id AND m.tenant_id = $2
           LEFT JOIN public.tenants t ON t.id = m.tenant_id
          WHERE u.id = $1`,
        [userId, tenantId],
      );
      const row = rows[0];
      const tenant = row?.tenant_active === true && tenantId ? { id: tenantId, slug: row.slug! } : null;
      return { userActive: row?.user_active === true, tenant, role: tenant ? (row?.role ?? null) : null };
    });
  }

  /** The tenant a Host header routes to, or null for hosts that are no tenant's domain. */
  domain(host: string): Promise<TenantBinding | null> {
    return this.domains.get(host, async () => {
      const { rows } = await this.pool.query<{ id: string; slug: string }>(
        'SELECT t.id, t.slug FROM public.domains d JOIN public.tenants t ON t.id = d.tenant_id WHERE d.host = $1 AND t.active',
        [host],
      );
      return rows[0] ?? null;
    });
  }
}
