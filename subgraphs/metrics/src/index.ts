import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { createLiveServer } from './live/liveServer.js';
import { followCollectorChanges } from './ingest/collectorDirectory.js';
import { followTenantChanges } from './ingest/tenantRetention.js';
import { directTrickle } from './ingest/directTrickle.js';
import { compatRouter } from './ingest/compatRoutes.js';
import { pcdRouter } from './pcc/pcdRoutes.js';
import { multipartErrorsAreBadRequests } from './ingest/multipartErrors.js';
import { exportRouter } from './read/exportRoute.js';
import { buildMetricsSchema } from './schema.js';
import { startRetentionJob } from './storage/retention.js';
import { startRollupJob } from './storage/rollupJob.js';

export { buildMetricsSchema };
export { maintainPartitions } from './storage/retention.js';
export { rollUpTenant } from './storage/rollupJob.js';

/** The metrics subgraph maps no entities: its hot paths are SQL and COPY. */
export const metricsEntities = [];

export async function createMetricsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  const { uploadMaxBytes } = runtime.config.limits;
  const schema = await buildMetricsSchema();
  // Live subscriptions: graphql-ws on the same /graphql, for the gateway only (signed identity).
  const live = createLiveServer(schema, runtime);
  let jobs: { stop(): void | Promise<void> }[] = [];
  let stopFollowing: (() => Promise<void>)[] = [];
  return createSubgraphServer({
    name: 'metrics',
    schema,
    runtime,
    onListening: async (server) => {
      live.attach(server);
      jobs = [startRetentionJob(runtime), startRollupJob(runtime, runtime.config.ingest.rollupEveryMs)];
      stopFollowing = await Promise.all([followCollectorChanges(runtime.pubsub), followTenantChanges(runtime.pubsub)]);
    },
    onStop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
      await Promise.all(stopFollowing.map((stop) => stop()));
      await live.close();
    },
    // Streams the multipart file to the resolver; the limit surfaces as PAYLOAD_TOO_LARGE.
    graphqlMiddleware: [multipartErrorsAreBadRequests(graphqlUploadExpress({ maxFileSize: uploadMaxBytes, maxFiles: 1 }), uploadMaxBytes)],
    // GET /api/v1/performance/export: streamed CSV/JSON (docs/rest-api.md); pcd's ingest paths (docs/pcc-compatibility.md).
    routes: (app) => app.use(exportRouter(runtime), compatRouter(runtime), pcdRouter(runtime)),
    // The gateway sends concurrent trickles as one request (docs/ingest.md, "One request for many trickles").
    operationBatches: true,
    // …of which a plain trickle skips Apollo (docs/ingest.md, "One request for many trickles").
    directOperation: directTrickle(schema),
  });
}
export { metricsMigrations } from './migrations/index.js';
