import {
  bindTenant,
  onTenantChanged,
  type PubSub,
  type Role,
  type TenantBinding,
  TtlCache,
  type Unsubscribe,
} from '@perfanalysis/platform';
import { apiKeyByPrefix, collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import { userIsActive } from '@perfanalysis/subgraph-identity/read';
import { membershipSeat, tenantByDomain, tenantById } from '@perfanalysis/subgraph-tenancy/read';
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
 * The gateway's read-only view of credentials, through the owners' read modules (identity's
 * accounts, tenancy's memberships and domains, collectors' API keys; docs/migrations.md):
 * seats and domains memoised for a second (dropped at once when a tenant change is announced),
 * API keys kept until a change of them is announced (ApiKeyCache). The caches answer almost
 * every request; a miss costs the owners' lookups.
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
      const key = await apiKeyByPrefix(this.pool, prefix);
      if (!key) return null;
      const tenant = await tenantById(this.pool, key.tenantId);
      if (!tenant) return null;
      const [collector] = await collectorsByIds(bindTenant(this.pool, tenant.slug), [key.collectorId]);
      return {
        keyId: key.id,
        keyHash: key.keyHash,
        collectorId: key.collectorId,
        scopes: key.scopes,
        tenant: { id: tenant.id, slug: tenant.slug },
        live: !key.revoked && tenant.active && collector?.active === true,
        expiresAt: key.expiresAt?.getTime() ?? null,
      };
    });
  }

  seat(userId: string, tenantId: string | null): Promise<SeatRecord> {
    return this.seats.get(`${userId}:${tenantId}`, async () => {
      const [userActive, seat] = await Promise.all([
        userIsActive(this.pool, userId),
        tenantId ? membershipSeat(this.pool, userId, tenantId) : null,
      ]);
      const tenant = seat?.active === true ? { id: seat.tenantId, slug: seat.slug } : null;
      return { userActive, tenant, role: tenant ? seat!.role : null };
    });
  }

  /** The tenant a Host header routes to, or null for hosts that are no active tenant's domain. */
  domain(host: string): Promise<TenantBinding | null> {
    return this.domains.get(host, async () => {
      const tenant = await tenantByDomain(this.pool, host);
      return tenant?.active ? { id: tenant.id, slug: tenant.slug } : null;
    });
  }
}
