import {
  contentCodingHeaders,
  contentEncoder,
  negotiateContentCoding,
  NotFoundError,
  type Runtime,
  sendJsonError,
} from '@perfanalysis/platform';
import { type Request, type Response, Router } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadArchivedDocument } from '../archive/archiveLink.js';
import { loadReportDocument, REPORT_DOWNLOAD_PATH } from './reportDownloadStore.js';

/** Chunks the document is written in, so a large report respects the socket's backpressure. */
const CHUNK_BYTES = 64 * 1024;

function* chunks(body: Buffer): Generator<Buffer> {
  for (let i = 0; i < body.length; i += CHUNK_BYTES) yield body.subarray(i, i + CHUNK_BYTES);
}

/**
 * `GET /downloads/reports/:token`: the rendered report stored by `Query.report`, as an
 * attachment, compressed with brotli or gzip when `Accept-Encoding` asks. The token alone authorises the download (see `storeReportDocument`); an
 * unknown, malformed or expired token is a 404 in the platform's JSON error shape.
 */
export function reportDownloadRouter(runtime: Runtime): Router {
  const logger = runtime.logger.child({ route: 'report-download' });
  const router = Router();
  router.get(`${REPORT_DOWNLOAD_PATH}/:token`, async (req: Request, res: Response) => {
    try {
      const token = String(req.params.token);
      // A rendered report's link, else an archived document's (docs/report-schedules.md).
      const document = (await loadReportDocument(runtime.kv, token)) ?? (await loadArchivedDocument(runtime, token));
      if (!document) {
        return sendJsonError(res, new NotFoundError('This report link is unknown or has expired: ask for the report again.'));
      }
      const bytes = typeof document.body === 'string' ? Buffer.from(document.body) : document.body;
      const coding = negotiateContentCoding(req.headers['accept-encoding']);
      const encoder = contentEncoder(coding);
      res.status(200).set({
        'content-type': document.contentType,
        // Known only for the document as stored; a compressed body is sent chunked.
        ...(encoder ? {} : { 'content-length': String(bytes.length) }),
        ...contentCodingHeaders(coding),
        'content-disposition': `attachment; filename="${document.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      });
      if (encoder) await pipeline(Readable.from(chunks(bytes)), encoder, res);
      else await pipeline(Readable.from(chunks(bytes)), res);
    } catch (error) {
      if (res.headersSent) logger.warn({ err: error }, 'report download ended early');
      sendJsonError(res, error, { logger });
    }
  });
  return router;
}
