import { RateLimitedError, withHttpStatus } from '@perfanalysis/platform';
import type { GraphQLError } from 'graphql';

/**
 * RATE_LIMITED for Apollo Server: the typed error's message and extensions (`retryAfter` in
 * seconds), plus the HTTP head Apollo applies and strips: 429 and `Retry-After` (docs/errors.md).
 */
export function rateLimitedGraphQLError(retryAfter: number): GraphQLError {
  return withHttpStatus(new RateLimitedError(retryAfter), { 'retry-after': String(retryAfter) });
}
