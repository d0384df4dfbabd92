import { NotFoundError, type SubgraphContext, isUuid } from '@perfanalysis/platform';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';

/** The collector a report is about, as the collectors subgraph's read module gives it. */
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
  const [found] = await collectorsByIds(ctx.runtime.db.pool, ctx.tenantSchema(), [collectorId]);
  if (!found) throw notFound();
  return { id: found.id, machineId: found.machineId, hostname: found.hostname };
}
