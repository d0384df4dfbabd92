import { buildFederatedSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { resolveCollectorReference } from './collector/collector.reference.js';
import { MetricsCollector } from './collector/collector.type.js';
import { CollectorMetricsResolver } from './collector/collectorMetrics.resolver.js';
import { TrickleResolver } from './ingest/trickle.resolver.js';
import { UploadResolver } from './ingest/upload.resolver.js';
import { LivePointsResolver, UNUSED_TYPEGRAPHQL_PUBSUB } from './live/livePoints.resolver.js';
import { MetricsReadResolver } from './read/metricsRead.resolver.js';

export function buildMetricsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CollectorMetricsResolver, TrickleResolver, UploadResolver, MetricsReadResolver, LivePointsResolver],
      orphanedTypes: [MetricsCollector],
      pubSub: UNUSED_TYPEGRAPHQL_PUBSUB,
    },
    { Collector: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => resolveCollectorReference(ref, ctx) } },
  );
}
