import { RateLimitedError } from '@perfanalysis/platform';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * RATE_LIMITED for Apollo Server: the typed error's message and extensions (`retryAfter` in
 * seconds), plus the HTTP head Apollo applies and strips: 429 and `Retry-After`.
 */
export function rateLimitedGraphQLError(retryAfter: number): GraphQLError {
  const error = new RateLimitedError(retryAfter);
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
  });
}
