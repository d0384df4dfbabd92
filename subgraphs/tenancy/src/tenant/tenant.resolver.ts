import { announceTenantActivity, auditRequest, ForbiddenError, NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DomainEntity } from '../domain/domain.entity.js';
import { provisionTenant, validateTenantName } from './provisionTenant.js';
import { TenantEntity } from './tenant.entity.js';
import { ProvisionTenantInput, UpdateTenantInput } from './tenant.inputs.js';
import { Domain, Tenant } from './tenant.type.js';

/**
 * Settings a tenant's own members may not choose (docs/security.md "Operator-only settings"):
 * what it paid for, and how long it keeps metric history — the platform's disk, which the
 * operator sizes (`npm run admin -- set-paid-until`, `set-retention`). Refused whole, before
 * anything of the input is applied.
 */
function refuseOperatorSettings(input: { paidUntil?: Date; retentionDays?: number }): void {
  for (const field of ['paidUntil', 'retentionDays'] as const) {
    if (input[field] !== undefined && input[field] !== null) {
      throw new ForbiddenError(`${field} is set by the operator, not by the tenant.`, { field, reason: 'OPERATOR_ONLY' });
    }
  }
}

async function loadCurrent(ctx: SubgraphContext): Promise<TenantEntity> {
  const tenant = await ctx.em.findOne(TenantEntity, { id: ctx.tenant().id });
  if (!tenant) throw new NotFoundError('Your tenant no longer exists.');
  return tenant;
}

@Resolver(() => Tenant)
export class TenantResolver {
  @Authorized('VIEWER', 'COLLECTOR')
  @Query(() => Tenant, { description: 'The tenant this request is bound to (an API key may ask too).' })
  async currentTenant(@Ctx() ctx: SubgraphContext): Promise<Tenant> {
    return Tenant.from(await loadCurrent(ctx));
  }

  @Mutation(() => Tenant, { description: 'Creates a tenant with its own schema; the caller becomes its ADMIN.' })
  async provisionTenant(@Arg('input') input: ProvisionTenantInput, @Ctx() ctx: SubgraphContext): Promise<Tenant> {
    const user = ctx.user();
    refuseOperatorSettings(input);
    const created = await provisionTenant(ctx.runtime, { slug: input.slug, name: input.name, ownerUserId: user.userId });
    await auditRequest(ctx, 'TENANT_PROVISION', { slug: created.slug }, { tenantId: created.id });
    return Tenant.from((await ctx.em.findOne(TenantEntity, { id: created.id }))!);
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant, { description: 'Renames the tenant; what it pays for and how long it keeps data are the operator’s.' })
  async updateTenant(@Arg('input') input: UpdateTenantInput, @Ctx() ctx: SubgraphContext): Promise<Tenant> {
    refuseOperatorSettings(input);
    const tenant = await loadCurrent(ctx);
    if (input.name !== undefined) tenant.name = validateTenantName(input.name);
    await ctx.em.flush();
    await auditRequest(ctx, 'TENANT_UPDATE', { changed: Object.keys(input) });
    return Tenant.from(tenant);
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant, { description: 'Deactivating stops every token and API key of the tenant at once.' })
  async setTenantActive(@Arg('active') active: boolean, @Ctx() ctx: SubgraphContext): Promise<Tenant> {
    const tenant = await loadCurrent(ctx);
    tenant.active = active;
    await ctx.em.flush();
    // Every key, token and domain of the tenant stops (or works again) at once in every gateway (docs/wire.md).
    await announceTenantActivity(ctx.runtime.pubsub, tenant.id, ctx.logger);
    await auditRequest(ctx, 'TENANT_UPDATE', { active });
    return Tenant.from(tenant);
  }

  @FieldResolver(() => [Domain])
  async domains(@Root() tenant: Tenant, @Ctx() ctx: SubgraphContext): Promise<Domain[]> {
    const rows = await ctx.em.find(DomainEntity, { tenantId: tenant.id }, { orderBy: { host: 'asc' } });
    return rows.map((d) => Object.assign(new Domain(), { host: d.host, primary: d.isPrimary }));
  }
}
