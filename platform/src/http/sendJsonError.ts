import type { Response } from 'express';
import { AppError } from '../errors/AppError.js';
import { toAppError } from '../errors/errorTransport.js';
import type { Logger } from '../logging/logger.js';

/** How a REST dialect words an error body from the message and the typed extensions (code first). */
export type ErrorBody = (message: string, extensions: Record<string, unknown>) => unknown;

/** The platform's own shape, as GraphQL answers errors. */
const GRAPHQL_SHAPED: ErrorBody = (message, extensions) => ({ errors: [{ message, extensions }] });

export interface SendJsonErrorOptions {
  /** Faults of ours are logged here (with stack), an unreachable backing service as a warning. */
  readonly logger?: Logger;
  /** A REST dialect's body (the seed REST API, pcd's `{"error": …}`). @default `{ errors: [{ message, extensions }] }` */
  readonly body?: ErrorBody;
}

/**
 * The one way a REST route, upload or forwarded request answers an error: the typed error
 * (or the typed form of a foreign one, `toAppError`) with its code's HTTP status and
 * `Retry-After` for RATE_LIMITED; anything else 500 INTERNAL_SERVER_ERROR, logged, never its
 * message (docs/errors.md). After the head went out, the response can only be cut off.
 */
export function sendJsonError(res: Response, error: unknown, options: SendJsonErrorOptions = {}): void {
  if (res.headersSent) return void res.destroy();
  const typed = toAppError(error);
  if (!typed) options.logger?.error({ err: error }, 'request failed');
  else if (!(error instanceof AppError) && typed.code === 'SERVICE_UNAVAILABLE')
    options.logger?.warn({ err: error }, 'backing service unavailable');
  const message = typed?.message ?? 'Internal server error';
  const { http: _http, ...extensions } = typed?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' };
  const retryAfter = extensions.retryAfter;
  if (typed?.code === 'RATE_LIMITED' && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res
    .status(typed?.httpStatus ?? 500)
    .set('cache-control', 'no-store')
    .json((options.body ?? GRAPHQL_SHAPED)(message, extensions));
}
