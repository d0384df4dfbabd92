import {
  announceApiKeyChanged,
  announceTenantChanged,
  auditRequest,
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  type SubgraphContext,
} from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DomainEntity } from '../domain/domain.entity.js';
import { provisionTenant, validateTenantName } from './provisionTenant.js';
import { TenantEntity } from './tenant.entity.js';
import { ProvisionTenantInput, UpdateTenantInput } from './tenant.inputs.js';
import { Domain, Tenant } from './tenant.type.js';

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
    const created = await provisionTenant(ctx.runtime, { ...input, ownerUserId: user.userId });
    await auditRequest(ctx, 'TENANT_PROVISION', { slug: created.slug }, { tenantId: created.id });
    return Tenant.from((await ctx.em.findOne(TenantEntity, { id: created.id }))!);
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant)
  async updateTenant(@Arg('input') input: UpdateTenantInput, @Ctx() ctx: SubgraphContext): Promise<Tenant> {
    // Paying is the operator's word, not the tenant's (docs/security.md "Paid until").
    if (input.paidUntil !== undefined) {
      throw new ForbiddenError('paidUntil is set by the operator, not by the tenant.', { field: 'paidUntil', reason: 'OPERATOR_ONLY' });
    }
    const tenant = await loadCurrent(ctx);
    if (
      input.retentionDays !== undefined &&
      (!Number.isInteger(input.retentionDays) || input.retentionDays < 1 || input.retentionDays > 3650)
    ) {
      throw new BadUserInputError('Retention is 1–3650 days.', { field: 'retentionDays' });
    }
    ctx.em.assign(tenant, {
      ...(input.name !== undefined && { name: validateTenantName(input.name) }),
      ...(input.retentionDays !== undefined && { retentionDays: input.retentionDays }),
    });
    await ctx.em.flush();
    // Metrics' ingest limits follow the retention at once in every replica (docs/ingest.md "Tenant settings").
    if (input.retentionDays !== undefined) await announceTenantChanged(ctx.runtime.pubsub, { tenantId: tenant.id }, ctx.logger);
    await auditRequest(ctx, 'TENANT_UPDATE', { changed: Object.keys(input) });
    return Tenant.from(tenant);
  }

  @Authorized('ADMIN')
  @Mutation(() => Tenant, { description: 'Deactivating stops every token and API key of the tenant at once.' })
  async setTenantActive(@Arg('active') active: boolean, @Ctx() ctx: SubgraphContext): Promise<Tenant> {
    const tenant = await loadCurrent(ctx);
    tenant.active = active;
    await ctx.em.flush();
    // Every key of the tenant stops (or works again) at once in every gateway (docs/wire.md).
    await announceApiKeyChanged(ctx.runtime.pubsub, { tenantId: tenant.id }, ctx.logger);
    await auditRequest(ctx, 'TENANT_UPDATE', { active });
    return Tenant.from(tenant);
  }

  @FieldResolver(() => [Domain])
  async domains(@Root() tenant: Tenant, @Ctx() ctx: SubgraphContext): Promise<Domain[]> {
    const rows = await ctx.em.find(DomainEntity, { tenantId: tenant.id }, { orderBy: { host: 'asc' } });
    return rows.map((d) => Object.assign(new Domain(), { host: d.host, primary: d.isPrimary }));
  }
}
