import { BadUserInputError, type Runtime, sendJsonError } from '@perfanalysis/platform';
import busboy from 'busboy';
import express, { type Request, type Response, Router } from 'express';
import type { Readable } from 'node:stream';
import { writerContext } from '../ingest/compatRoutes.js';
import { collectionTarget } from './collectionTarget.js';
import { uploadCollection } from './uploadCollection.js';
import { trickleMeasurements } from './trickleMeasurements.js';

/** Where the gateway forwards pcd's `/v1/trickle` and `/v1/upload` (docs/pcc-compatibility.md). */
export const PCD_TRICKLE_PATH = '/pcd/v1/trickle';
export const PCD_UPLOAD_PATH = '/pcd/v1/upload';

/** pcd answered errors as `{"error": "<message>"}`; the code and details ride along for newer clients (docs/errors.md). */
function sendPcdError(res: Response, error: unknown, runtime: Runtime): void {
  sendJsonError(res, error, { logger: runtime.logger, body: (message, extensions) => ({ error: message, ...extensions }) });
}

/** The collection of a multipart body (its first file) or the body itself. */
function collectionStream(req: Request, maxBytes: number): Promise<{ stream: Readable; fileName: string | null }> {
  if (!req.is('multipart/form-data')) return Promise.resolve({ stream: req, fileName: null });
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes } });
    parser.once('file', (_name, stream, info) => resolve({ stream, fileName: info.filename ?? null }));
    parser.once('error', (error) => reject(new BadUserInputError(`Unreadable multipart body: ${(error as Error).message}`)));
    parser.once('close', () => reject(new BadUserInputError('Send the collection as a multipart file.', { field: 'file' })));
    req.pipe(parser);
  });
}

/** pcd's ingest paths, behind the gateway's `/v1/trickle` and `/v1/upload`. */
export function pcdRouter(runtime: Runtime): Router {
  const router = Router();
  router.post(PCD_TRICKLE_PATH, express.json({ limit: '16mb' }), async (req: Request, res: Response) => {
    try {
      const body = (req.body ?? {}) as { identifier?: unknown; measurements?: unknown };
      await trickleMeasurements(writerContext(req, runtime), body.identifier, body.measurements);
      res.json({});
    } catch (error) {
      sendPcdError(res, error, runtime);
    }
  });
  router.post(PCD_UPLOAD_PATH, async (req: Request, res: Response) => {
    try {
      const ctx = writerContext(req, runtime);
      const named = [req.query.identifier, req.query.machine_id].find((v): v is string => typeof v === 'string');
      const target = await collectionTarget(ctx, named);
      const { stream, fileName } = await collectionStream(req, runtime.config.limits.uploadMaxBytes);
      const result = await uploadCollection(ctx, stream, fileName, target);
      res.json({
        rows_processed: result.rowsProcessed,
        duplicates_skipped: result.duplicatesSkipped,
        from: result.from,
        to: result.to,
        ignored_subsystems: result.ignoredColumns,
      });
    } catch (error) {
      // Answer once the body is in: a forwarding gateway still streaming it must not see a reset.
      if (req.complete || req.destroyed) sendPcdError(res, error, runtime);
      else req.once('end', () => sendPcdError(res, error, runtime)).resume();
    }
  });
  return router;
}
