import { BadUserInputError, ConflictError, NotFoundError, type SubgraphContext, isUniqueViolation } from '@perfanalysis/platform';
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
    const client = await ctx.runtime.db.pool.connect();
    try {
      await client.query('BEGIN');
      if (primary) await client.query('UPDATE public.domains SET is_primary = false WHERE tenant_id = $1', [tenantId]);
      await client.query('INSERT INTO public.domains (host, tenant_id, is_primary) VALUES ($1, $2, $3)', [normalised, tenantId, primary]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      if (isUniqueViolation(error)) throw new ConflictError('That domain is already routed to a tenant.', { field: 'host' });
      throw error;
    } finally {
      client.release();
    }
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
