import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { CollectorEntity } from './collector/collector.entity.js';
import { buildCollectorsSchema } from './schema.js';

export { insertApiKey, poolStatement } from './apiKey/apiKeyStore.js';
export { importApiKey } from './apiKey/importApiKey.js';
export { type Machine, registerMachine } from './collector/registerMachine.js';
export { buildCollectorsSchema };

/** MikroORM entities this subgraph maps. */
export const collectorsEntities = [CollectorEntity];

export async function createCollectorsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'collectors', schema: await buildCollectorsSchema(), runtime });
}
export { collectorsMigrations } from './migrations/index.js';
