import { auditRequest, BadUserInputError, NotFoundError, ref, RoleEnum, type SubgraphContext, UserRef } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantEntity } from '../tenant/tenant.entity.js';
import { Tenant } from '../tenant/tenant.type.js';
import { MembershipEntity } from './membership.entity.js';
import { Membership } from './membership.type.js';

function toMembership(entity: MembershipEntity, tenant: TenantEntity): Membership {
  return Object.assign(new Membership(), {
    user: ref(UserRef, entity.userId),
    tenant: Tenant.from(tenant),
    role: entity.role,
    since: entity.createdAt,
  });
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => [Membership], { description: 'Every tenant the caller belongs to, with the role held there.' })
  async myMemberships(@Ctx() ctx: SubgraphContext): Promise<Membership[]> {
    const memberships = await ctx.em.find(MembershipEntity, { userId: ctx.user().userId });
    const tenants = await ctx.em.find(TenantEntity, { id: { $in: memberships.map((m) => m.tenantId) } }, { orderBy: { slug: 'asc' } });
    return tenants.map((t) => toMembership(memberships.find((m) => m.tenantId === t.id)!, t));
  }

  @Authorized('ADMIN')
  @Query(() => [Membership], { description: 'Members of the current tenant.' })
  async members(@Ctx() ctx: SubgraphContext): Promise<Membership[]> {
    const tenant = (await ctx.em.findOne(TenantEntity, { id: ctx.tenant().id }))!;
    const memberships = await ctx.em.find(MembershipEntity, { tenantId: tenant.id }, { orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => toMembership(m, tenant));
  }

  @Authorized('ADMIN')
  @Mutation(() => Membership, { description: 'Gives a registered user a role in the current tenant (or changes it).' })
  async grantRole(
    @Arg('email') email: string,
    @Arg('role', () => RoleEnum) role: RoleEnum,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Membership> {
    const tenantId = ctx.tenant().id;
    const normalised = typeof email === 'string' && email.length <= 320 ? email.trim().toLowerCase() : '';
    const { rows } = await ctx.runtime.db.pool.query<{ id: string }>('SELECT id FROM public.users WHERE email = $1 AND active', [
      normalised,
    ]);
    if (!rows[0]) throw new NotFoundError('No registered user has that e-mail; ask them to register first.');
    if (rows[0].id === ctx.user().userId && role !== RoleEnum.ADMIN) {
      throw new BadUserInputError('You cannot lower your own role; ask another ADMIN.', { field: 'role' });
    }
    await ctx.runtime.db.pool.query(
      `INSERT INTO public.memberships (user_id, tenant_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = EXCLUDED.role`,
      [rows[0].id, tenantId, role],
    );
    await auditRequest(ctx, 'ROLE_CHANGE', { userId: rows[0].id, role });
    const membership = (await ctx.em.findOne(MembershipEntity, { userId: rows[0].id, tenantId }, { disableIdentityMap: true }))!;
    return toMembership(membership, (await ctx.em.findOne(TenantEntity, { id: tenantId }))!);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Removes a member from the current tenant.' })
  async revokeMembership(@Arg('userId', () => ID) userId: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    if (userId === ctx.user().userId) throw new BadUserInputError('You cannot remove yourself; ask another ADMIN.', { field: 'userId' });
    const removed = await ctx.em.nativeDelete(MembershipEntity, { userId, tenantId: ctx.tenant().id });
    if (removed === 0) throw new NotFoundError('That user is not a member of this tenant.');
    await auditRequest(ctx, 'ROLE_CHANGE', { userId, role: null });
    return true;
  }
}
