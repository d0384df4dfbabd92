import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { DomainEntity } from './domain/domain.entity.js';
import { MembershipEntity } from './membership/membership.entity.js';
import { buildTenancySchema } from './schema.js';
import { TenantEntity } from './tenant/tenant.entity.js';

export { provisionTenant, normaliseHost } from './tenant/provisionTenant.js';
export { grantMembership, type TenantSettings, updateTenantSettings } from './tenant/operatorCommands.js';
export { buildTenancySchema };

/** MikroORM entities this subgraph maps. */
export const tenancyEntities = [TenantEntity, DomainEntity, MembershipEntity];

export async function createTenancySubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'tenancy', schema: await buildTenancySchema(), runtime });
}
export { tenancyMigrations } from './migrations/index.js';
