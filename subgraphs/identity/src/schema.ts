import { buildFederatedSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import { resolveUserReference } from './user/user.reference.js';

export function buildIdentitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [AuthResolver] },
    { User: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => resolveUserReference(ref, ctx) } },
  );
}
