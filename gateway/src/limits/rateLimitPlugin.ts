import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../authenticatedDataSource.js';
import type { GatewayRateLimiter } from './GatewayRateLimiter.js';
import { rateLimitedGraphQLError } from './rateLimitedError.js';
import { bucketsOfOperation, rateLimitKey } from './rateLimitRules.js';

/**
 * Rate limits of GraphQL over HTTP: once the operation is known, each kind of root field it
 * selects (auth, upload, trickle, everything else) is charged to the caller's budget; a spent
 * budget answers 429 RATE_LIMITED with `Retry-After` before anything is planned or sent.
 */
export function rateLimitPlugin(limiter: GatewayRateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const key = rateLimitKey(contextValue.identity);
          const waits = await Promise.all(bucketsOfOperation(operation, document).map((bucket) => limiter.check(bucket, key)));
          const refused = waits.filter((wait): wait is number => wait !== undefined);
          if (refused.length > 0) throw rateLimitedGraphQLError(Math.max(...refused));
        },
      };
    },
  };
}
