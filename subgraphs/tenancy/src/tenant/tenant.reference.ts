import type { SubgraphContext } from '@perfanalysis/platform';
import { MembershipEntity } from '../membership/membership.entity.js';
import { TenantEntity } from './tenant.entity.js';
import { Tenant } from './tenant.type.js';

/**
 * A Tenant reached through another subgraph resolves only for callers bound to it or
 * members of it; anything else resolves to null, revealing nothing.
 */
export async function resolveTenantReference(ref: { id: string }, ctx: SubgraphContext): Promise<Tenant | null> {
  const principal = ctx.identity.principal;
  const allowed =
    ctx.identity.tenant?.id === ref.id ||
    (principal?.kind === 'user' && (await ctx.em.count(MembershipEntity, { userId: principal.userId, tenantId: ref.id })) > 0);
  if (!allowed) return null;
  const tenant = await ctx.em.findOne(TenantEntity, { id: ref.id });
  return tenant ? Tenant.from(tenant) : null;
}
