import { BadUserInputError, ForbiddenError, type SubgraphContext } from '@perfanalysis/platform';
import { collectorById, collectorByMachine } from '../ingest/collectorDirectory.js';

/** The collector a collection is for: the key's own, or the one an ADMIN named. */
export interface CollectionTarget {
  readonly collectorId: string;
  readonly machineId: string;
}

/**
 * A key uploads for its own collector (naming another machine is FORBIDDEN); an ADMIN (the
 * caller checked the role) names the machine, which must be an active collector of the tenant.
 */
export async function collectionTarget(ctx: SubgraphContext, named: string | undefined): Promise<CollectionTarget> {
  const { principal } = ctx.identity;
  const db = ctx.tenantDb();
  if (principal?.kind === 'collector') {
    const own = await collectorById(db, principal.collectorId);
    if (!own || (named !== undefined && named !== own.machineId))
      throw new ForbiddenError('The machine named is not the machine of this API key.', { field: 'machineId' });
    return { collectorId: own.id, machineId: own.machineId };
  }
  if (!named) throw new BadUserInputError('Name the machine: `?identifier=<machine id>`.', { field: 'identifier' });
  const collector = await collectorByMachine(db, named);
  // The name is not echoed: a refusal must not confirm or repeat another tenant's machine.
  if (!collector?.active) throw new ForbiddenError('The machine named is not an active collector of this tenant.', { field: 'machineId' });
  return { collectorId: collector.id, machineId: collector.machineId };
}
