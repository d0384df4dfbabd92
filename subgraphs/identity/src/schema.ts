import { buildFederatedSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import type { MembershipDirectory } from './readApi/membershipDirectory.js';
import { resolveUserReference } from './user/user.reference.js';

/** The identity schema, its resolvers given tenancy's memberships through the port. */
export function buildIdentitySchema(memberships: MembershipDirectory): Promise<GraphQLSchema> {
  const auth = new AuthResolver(memberships);
  return buildFederatedSchema(
    // type-graphql asks the container for each resolver instance: the one built here, with its port.
    { resolvers: [AuthResolver], container: { get: () => auth } },
    {
      User: {
        __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => resolveUserReference(memberships, ref, ctx),
      },
    },
  );
}
