import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

/**
 * Errors raised before GraphQL runs (an oversized or malformed body, a broken multipart
 * stream) answered as GraphQL-shaped JSON with a code, instead of Express's HTML page.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message =
      status === 413
        ? 'The request body is larger than this endpoint accepts.'
        : status < 500
          ? `The request could not be read: ${error.message ?? 'malformed'}.`
          : 'Internal server error';
    if (status >= 500) logger.error({ err: error }, 'request failed before GraphQL');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
