import { buildFederatedSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { resolveCollectorReference } from './collector/collector.reference.js';
import { CollectorResolver } from './collector/collector.resolver.js';

export function buildCollectorsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [CollectorResolver] },
    { Collector: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => resolveCollectorReference(ref, ctx) } },
  );
}
