import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../logging/logger.js';
import { reportError } from '../observability/sentry.js';
import { AppError } from './AppError.js';
import { ERROR_CODES } from './errorCodes.js';
import { toAppError } from './errorTransport.js';

/**
 * Codes whose messages are safe to pass on: graphql-js's and Apollo's own, and the platform's
 * (e.g. an error a subgraph already formatted) but INTERNAL_SERVER_ERROR (docs/errors.md).
 */
const PASS_THROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.keys(ERROR_CODES).filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
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
 * The one place GraphQL errors become what a client sees: a safe message and `extensions.code`
 * (the code of a foreign error the platform knows by `toAppError`, docs/errors.md).
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
    const typed = toAppError(original);
    if (typed) {
      if (!(original instanceof AppError) && typed.code === 'SERVICE_UNAVAILABLE')
        options.logger.warn({ err: original }, 'backing service unavailable');
      return { message: typed.message, locations: formatted.locations, path: formatted.path, extensions: clean(typed.extensions) };
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
