import { BadUserInputError, readAuditTrail, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AuditEvent } from './auditEvent.type.js';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized('ADMIN')
  @Query(() => [AuditEvent], { description: "The current tenant's audit trail, newest first." })
  async auditTrail(
    @Ctx() ctx: SubgraphContext,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('before', () => Date, { nullable: true, description: 'Only events strictly before this instant (paging).' }) before?: Date,
  ): Promise<AuditEvent[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new BadUserInputError('limit is 1–500.', { field: 'limit' });
    const events = await readAuditTrail(ctx.runtime.db.pool, ctx.tenant().id, { limit, ...(before && { before }) });
    return events.map((event) => Object.assign(new AuditEvent(), event));
  }
}
