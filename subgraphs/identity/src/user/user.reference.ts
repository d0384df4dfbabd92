import type { SubgraphContext } from '@perfanalysis/platform';
import { UserEntity } from './user.entity.js';
import { User } from './user.type.js';

/** A user resolves for themselves, or for callers of a tenant the user belongs to. */
export async function resolveUserReference(ref: { id: string }, ctx: SubgraphContext): Promise<User | null> {
  const principal = ctx.identity.principal;
  const self = principal?.kind === 'user' && principal.userId === ref.id;
  const tenantId = ctx.identity.tenant?.id;
  if (!self) {
    if (!tenantId) return null;
    const { rowCount } = await ctx.runtime.db.pool.query('SELECT 1 FROM public.memberships WHERE user_id = $1 AND tenant_id = $2', [
      ref.id,
      tenantId,
    ]);
    if (!rowCount) return null;
  }
  const user = await ctx.em.findOne(UserEntity, { id: ref.id });
  return user ? User.from(user) : null;
}
