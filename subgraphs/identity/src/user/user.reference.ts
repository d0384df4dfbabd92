import type { SubgraphContext } from '@perfanalysis/platform';
import type { MembershipDirectory } from '../readApi/membershipDirectory.js';
import { UserEntity } from './user.entity.js';
import { User } from './user.type.js';

/** A user resolves for themselves, or for callers of a tenant the user belongs to. */
export async function resolveUserReference(
  memberships: MembershipDirectory,
  ref: { id: string },
  ctx: SubgraphContext,
): Promise<User | null> {
  const principal = ctx.identity.principal;
  const self = principal?.kind === 'user' && principal.userId === ref.id;
  const tenantId = ctx.identity.tenant?.id;
  if (!self) {
    if (!tenantId) return null;
    if (!(await memberships.isMember(ctx.runtime.db.pool, ref.id, tenantId))) return null;
  }
  const user = await ctx.em.findOne(UserEntity, { id: ref.id });
  return user ? User.from(user) : null;
}
