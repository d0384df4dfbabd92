import { auditRequest, inTransaction, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MembershipEntity } from '../membership/membership.entity.js';
import { Membership } from '../membership/membership.type.js';
import { TenantEntity } from '../tenant/tenant.entity.js';
import { Invitation } from './invitation.type.js';
import { close, ofTenant, pendingFor } from './invitationStore.js';

/**
 * Invitations to a tenant (docs/tenancy.md "Invitations"): the invitee sees and answers those
 * addressed to the e-mail it logged in with; the tenant's ADMINs list and revoke their own.
 */
@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => [Invitation], { description: 'Pending invitations addressed to your e-mail, newest first.' })
  myInvitations(@Ctx() ctx: SubgraphContext): Promise<Invitation[]> {
    return pendingFor(ctx.runtime.db.pool, ctx.user().email);
  }

  @Mutation(() => Membership, {
    description: 'Joins the tenant with the invited role (an existing membership is kept as it is); then switchTenant to use it.',
  })
  async acceptInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Membership> {
    const user = ctx.user();
    const accepted = await inTransaction(ctx.runtime.db.pool, async (client) => {
      const invitation = await close(client, id, { email: user.email }, 'ACCEPTED');
      await client.query(
        'INSERT INTO public.memberships (user_id, tenant_id, role) VALUES ($1, $2, $3) ON CONFLICT (user_id, tenant_id) DO NOTHING',
        [user.userId, invitation.tenantId, invitation.role],
      );
      return invitation;
    });
    await auditRequest(ctx, 'INVITATION_ACCEPTED', { invitationId: id, role: accepted.role }, { tenantId: accepted.tenantId });
    const membership = await ctx.em.findOneOrFail(MembershipEntity, { userId: user.userId, tenantId: accepted.tenantId });
    return Membership.from(membership, await ctx.em.findOneOrFail(TenantEntity, { id: accepted.tenantId }));
  }

  @Mutation(() => Boolean, { description: 'Turns down an invitation addressed to your e-mail.' })
  async declineInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const declined = await close(ctx.runtime.db.pool, id, { email: ctx.user().email }, 'DECLINED');
    await auditRequest(ctx, 'INVITATION_DECLINED', { invitationId: id }, { tenantId: declined.tenantId });
    return true;
  }

  @Authorized('ADMIN')
  @Query(() => [Invitation], { description: "The current tenant's invitations, newest first (the latest 500)." })
  invitations(@Ctx() ctx: SubgraphContext): Promise<Invitation[]> {
    return ofTenant(ctx.runtime.db.pool, ctx.tenant().id);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Withdraws a pending invitation of the current tenant.' })
  async revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const revoked = await close(ctx.runtime.db.pool, id, { tenantId: ctx.tenant().id }, 'REVOKED');
    await auditRequest(ctx, 'INVITATION_REVOKED', { invitationId: id, email: revoked.email });
    return true;
  }
}
