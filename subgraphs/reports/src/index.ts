import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { buildReportsSchema } from './schema.js';

export { buildReportsSchema };

export async function createReportsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'reports', schema: await buildReportsSchema(), runtime });
}
