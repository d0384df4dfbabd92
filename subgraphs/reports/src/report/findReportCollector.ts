import { NotFoundError, quoteSchema, type SubgraphContext, isUuid } from '@perfanalysis/platform';

/** The collector a report is about, as read from the caller's tenant schema. */
export interface ReportCollector {
  readonly id: string;
  readonly machineId: string;
  readonly hostname: string;
}

/**
 * The caller's collector with this id. Looked up only in `ctx.tenantSchema()`: another
 * tenant's id is simply absent there, so it gets the same NOT_FOUND as an id that never existed.
 */
export async function findReportCollector(ctx: SubgraphContext, collectorId: string): Promise<ReportCollector> {
  const notFound = () => new NotFoundError('No collector with this id in your tenant.', { field: 'collectorId' });
  if (!isUuid(collectorId)) throw notFound();
  const { rows } = await ctx.runtime.db.pool.query<{ id: string; machine_id: string; hostname: string }>(
    `SELECT id, machine_id, hostname FROM ${quoteSchema(ctx.tenantSchema())}.collectors WHERE id = $1`,
    [collectorId],
  );
  const row = rows[0];
  if (!row) throw notFound();
  return { id: row.id, machineId: row.machine_id, hostname: row.hostname };
}
