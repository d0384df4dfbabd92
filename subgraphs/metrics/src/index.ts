import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { buildMetricsSchema } from './schema.js';

export { buildMetricsSchema };

/** The metrics subgraph maps no entities: its hot paths are SQL and COPY. */
export const metricsEntities = [];

export async function createMetricsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'metrics', schema: await buildMetricsSchema(), runtime });
}
