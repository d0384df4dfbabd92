import { BadUserInputError, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AuditEvent } from './auditEvent.type.js';

interface AuditRow {
  id: number;
  at: Date;
  action: string;
  outcome: string;
  actor: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

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
    const { rows } = await ctx.runtime.db.pool.query<AuditRow>(
      `SELECT id, at, action, outcome, actor, ip, details FROM public.audit_events
        WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR at < $2) ORDER BY at DESC, id DESC LIMIT $3`,
      [ctx.tenant().id, before ?? null, limit],
    );
    return rows.map((row) => Object.assign(new AuditEvent(), { ...row, id: String(row.id) }));
  }
}
