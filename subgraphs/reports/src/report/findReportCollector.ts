import { NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';

/** The collector a report is about, as the collectors subgraph's read module gives it. */
export interface ReportCollector {
  readonly id: string;
  readonly machineId: string;
  readonly hostname: string;
}

/**
 * The caller's collector with this id. Looked up only in the caller's tenant: another tenant's
 * id is simply absent there, and a malformed one matches nothing, so both get the same
 * NOT_FOUND as an id that never existed.
 */
export async function findReportCollector(ctx: SubgraphContext, collectorId: string): Promise<ReportCollector> {
  const [found] = await collectorsByIds(ctx.tenantDb(), [collectorId]);
  if (!found) throw new NotFoundError('No collector with this id in your tenant.', { field: 'collectorId' });
  return { id: found.id, machineId: found.machineId, hostname: found.hostname };
}
