import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { exportRouter } from './read/exportRoute.js';
import { buildMetricsSchema } from './schema.js';

export { buildMetricsSchema };

/** The metrics subgraph maps no entities: its hot paths are SQL and COPY. */
export const metricsEntities = [];

export async function createMetricsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  const { uploadMaxBytes } = runtime.config.limits;
  return createSubgraphServer({
    name: 'metrics',
    schema: await buildMetricsSchema(),
    runtime,
    // Streams the multipart file to the resolver; the limit surfaces as PAYLOAD_TOO_LARGE.
    graphqlMiddleware: [graphqlUploadExpress({ maxFileSize: uploadMaxBytes, maxFiles: 1 })],
    // GET /api/v1/performance/export: streamed CSV/JSON (SPEC §6–7).
    routes: (app) => app.use(exportRouter(runtime)),
  });
}
