import { GraphQLRequestError } from '@perfanalysis/sdk';
import { AuthRejectedError } from '../errors/AuthRejectedError.js';
import { FatalError } from '../errors/FatalError.js';
import { RetryableError } from '../errors/RetryableError.js';

/** Server answers a later attempt may get past. */
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

/**
 * What a failed send means for the shipper: retry later (network, 5xx, overload), stop for a
 * refused key (exit 3), or stop for a refusal retrying cannot fix (bad data, wrong tenant).
 */
export function classifySendError(error: unknown): Error {
  if (error instanceof GraphQLRequestError) {
    const code = error.code ?? '';
    if (code === 'UNAUTHENTICATED') return new AuthRejectedError(`the server rejected the API key (${error.message})`, { cause: error });
    const retryAfter = Number(error.errors[0]?.extensions?.retryAfter);
    if (RETRYABLE_CODES.has(code) || error.status >= 500) {
      return new RetryableError(error.message, Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined, { cause: error });
    }
    return new FatalError(`the server refused the points: ${error.message}`, 1, { cause: error });
  }
  return new RetryableError(error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

/** `http://host:4000` or `http://host:4000/graphql` → the GraphQL endpoint. */
export function graphqlEndpoint(server: string): string {
  return server.replace(/\/+$/, '').replace(/(\/graphql)?$/, '/graphql');
}
