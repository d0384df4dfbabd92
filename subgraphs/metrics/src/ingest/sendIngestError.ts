import { AppError, type Runtime } from '@perfanalysis/platform';
import type { Response } from 'express';

/** How a REST dialect words an error body: the message and the typed details (code first). */
export type ErrorBody = (message: string, details: Record<string, unknown>) => unknown;

/** REST ingest's errors: a typed error with its status in the dialect's body; anything else 500, logged. */
export function sendIngestError(res: Response, error: unknown, runtime: Runtime, body: ErrorBody): void {
  if (res.headersSent) return void res.destroy();
  if (error instanceof AppError) {
    const { http: _http, ...details } = error.extensions;
    return void res.status(error.httpStatus).json(body(error.message, details));
  }
  runtime.logger.error({ err: error }, 'REST ingest failed');
  res.status(500).json(body('Internal server error', { code: 'INTERNAL_SERVER_ERROR' }));
}
