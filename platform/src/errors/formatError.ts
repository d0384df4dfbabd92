import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logging/logger.js';
import { reportError } from '../observability/sentry.js';
import { AppError } from './AppError.js';
import { isTransientError } from './isTransientError.js';

/** Codes produced by graphql-js / Apollo itself whose messages are safe to pass on. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CSV_FORMAT',
  'INVALID_VALUE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'REQUEST_TIMEOUT',
]);

/** type-graphql's own errors, mapped by class name so we do not depend on its internals. */
const TYPE_GRAPHQL_CODES: Record<string, string> = {
  UnauthorizedError: 'UNAUTHENTICATED',
  ForbiddenError: 'FORBIDDEN',
  ArgumentValidationError: 'BAD_USER_INPUT',
};

export interface FormatErrorOptions {
  /** Production hides internal messages; development shows them (never stack traces). */
  readonly production: boolean;
  /** Internal errors are logged here (with stack) and reported to Sentry when it runs. */
  readonly logger: Logger;
}

/**
 * The one place errors become what a client sees: a safe message and `extensions.code`.
 * Unknown errors become INTERNAL_SERVER_ERROR; stack traces never leave the process.
 */
export function createFormatError(options: FormatErrorOptions) {
  /** Never sent: stack traces, exception dumps, the HTTP head (applied by Apollo); in production not the subgraph's name either. */
  const clean = (extensions: Record<string, unknown> | undefined): Record<string, unknown> => {
    const { stacktrace: _s, exception: _e, http: _h, ...rest } = extensions ?? {};
    if (options.production) delete rest.serviceName;
    return rest;
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: clean(original.extensions) };
    }
    const mapped = original instanceof Error ? TYPE_GRAPHQL_CODES[original.constructor.name] : undefined;
    if (mapped) {
      return { message: (original as Error).message, locations: formatted.locations, path: formatted.path, extensions: { code: mapped } };
    }
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (PASS_THROUGH_CODES.has(code)) {
      return { ...formatted, extensions: { ...clean(formatted.extensions), code } };
    }
    // Apollo Server's own request errors carry an HTTP 4xx but no code (e.g. an APQ hash that does
    // not match its query): the client's mistake, with a message written for clients.
    const own = (original as { extensions?: { code?: unknown; http?: { status?: unknown } } } | undefined)?.extensions;
    if (original instanceof GraphQLError && !own?.code && typeof own?.http?.status === 'number' && own.http.status < 500) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
    }
    // An http-errors 4xx meant for the client (`expose`), e.g. graphql-upload's "File missing in the request.".
    const { status, expose } = (original ?? {}) as { status?: unknown; expose?: unknown };
    if (expose === true && typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT';
      return { message: (original as Error).message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    if (isTransientError(original)) {
      options.logger.warn({ err: original }, 'backing service unavailable');
      return {
        message: 'A backing service is unavailable; retry shortly.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
      };
    }
    options.logger.error({ err: original }, 'internal error');
    reportError(original);
    return {
      message: options.production ? 'Internal server error' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
