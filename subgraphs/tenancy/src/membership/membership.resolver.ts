import { auditRequest, BadUserInputError, NotFoundError, RoleEnum, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { userIdByEmail } from '@perfanalysis/subgraph-identity/read';
import { invite } from '../invitation/invitationStore.js';
import { inviteeEmail } from '../invitation/inviteeEmail.js';
import { TenantEntity } from '../tenant/tenant.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { Membership } from './membership.type.js';
import { RoleGrant, RoleGrantOutcome } from './roleGrant.type.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => [Membership], { description: 'Every tenant the caller belongs to, with the role held there.' })
  async myMemberships(@Ctx() ctx: SubgraphContext): Promise<Membership[]> {
    const memberships = await ctx.em.find(MembershipEntity, { userId: ctx.user().userId });
    const tenants = await ctx.em.find(TenantEntity, { id: { $in: memberships.map((m) => m.tenantId) } }, { orderBy: { slug: 'asc' } });
    return tenants.map((t) => Membership.from(memberships.find((m) => m.tenantId === t.id)!, t));
  }

  @Authorized('ADMIN')
  @Query(() => [Membership], { description: 'Members of the current tenant.' })
  async members(@Ctx() ctx: SubgraphContext): Promise<Membership[]> {
    const tenant = (await ctx.em.findOne(TenantEntity, { id: ctx.tenant().id }))!;
    const memberships = await ctx.em.find(MembershipEntity, { tenantId: tenant.id }, { orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => Membership.from(m, tenant));
  }

  /**
   * Never looks an account up: a member's role changes, anyone else is invited, and both
   * answers have one shape, so it is no oracle of which e-mails have accounts
   * (docs/tenancy.md "Invitations").
   */
  @Authorized('ADMIN')
  @Mutation(() => RoleGrant, { description: "Changes a member's role in the current tenant, or invites the e-mail to it." })
  async grantRole(
    @Arg('email') email: string,
    @Arg('role', () => RoleEnum) role: RoleEnum,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RoleGrant> {
    const tenantId = ctx.tenant().id;
    const caller = ctx.user();
    const address = inviteeEmail(email);
    if (address === caller.email && role !== RoleEnum.ADMIN) {
      throw new BadUserInputError('You cannot lower your own role; ask another ADMIN.', { field: 'role' });
    }
    // The account is identity's: its id comes through identity's read module, then one update here.
    const userId = await userIdByEmail(ctx.runtime.db.pool, address);
    const { rows } = userId
      ? await ctx.runtime.db.pool.query<{ user_id: string }>(
          'UPDATE public.memberships SET role = $3 WHERE tenant_id = $1 AND user_id = $2 RETURNING user_id',
          [tenantId, userId, role],
        )
      : { rows: [] };
    if (!rows[0]) {
      const ttlMs = ctx.runtime.config.auth.invitationTtlMs;
      const invitation = await invite(ctx.runtime.db.pool, { tenantId, email: address, role, invitedBy: caller.userId, ttlMs });
      await auditRequest(ctx, 'INVITATION_SENT', { invitationId: invitation.id, email: address, role });
      return Object.assign(new RoleGrant(), { outcome: RoleGrantOutcome.INVITED, membership: null, invitation });
    }
    await auditRequest(ctx, 'ROLE_CHANGE', { userId: rows[0].user_id, role });
    const membership = (await ctx.em.findOne(MembershipEntity, { userId: rows[0].user_id, tenantId }, { disableIdentityMap: true }))!;
    const tenant = (await ctx.em.findOne(TenantEntity, { id: tenantId }))!;
    return Object.assign(new RoleGrant(), {
      outcome: RoleGrantOutcome.ROLE_CHANGED,
      membership: Membership.from(membership, tenant),
      invitation: null,
    });
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
