import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';
import { sendJsonError } from './sendJsonError.js';

/**
 * Errors raised before GraphQL runs (an oversized or malformed body, a broken multipart
 * stream) answered as GraphQL-shaped JSON with a code (docs/errors.md), instead of Express's HTML page.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    sendJsonError(res, error, { logger });
  };
}
