import { BadUserInputError, conflictOnDuplicate, inTransaction, NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { normaliseHost } from '../tenant/provisionTenant.js';
import { Domain } from '../tenant/tenant.type.js';

@Resolver(() => Domain)
export class DomainResolver {
  @Authorized('ADMIN')
  @Mutation(() => Domain, { description: 'Routes a host name to the current tenant; `primary` replaces the previous primary.' })
  async addDomain(
    @Arg('host') host: string,
    @Arg('primary', { defaultValue: false }) primary: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Domain> {
    const tenantId = ctx.tenant().id;
    const normalised = normaliseHost(host);
    await conflictOnDuplicate(
      () =>
        inTransaction(ctx.runtime.db.pool, async (client) => {
          if (primary) await client.query('UPDATE public.domains SET is_primary = false WHERE tenant_id = $1', [tenantId]);
          await client.query('INSERT INTO public.domains (host, tenant_id, is_primary) VALUES ($1, $2, $3)', [
            normalised,
            tenantId,
            primary,
          ]);
        }),
      { message: 'That domain is already routed to a tenant.', field: 'host' },
    );
    return Object.assign(new Domain(), { host: normalised, primary });
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean)
  async removeDomain(@Arg('host') host: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    if (typeof host !== 'string' || host.length > 253) throw new BadUserInputError('Not a host name.', { field: 'host' });
    const { rowCount } = await ctx.runtime.db.pool.query('DELETE FROM public.domains WHERE host = $1 AND tenant_id = $2', [
      host.trim().toLowerCase(),
      ctx.tenant().id,
    ]);
    if (!rowCount) throw new NotFoundError('That domain is not routed to this tenant.');
    return true;
  }
}
