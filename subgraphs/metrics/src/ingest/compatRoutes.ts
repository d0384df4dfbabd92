import type { MetricColumn, MetricPoint, MetricValues } from '@perfanalysis/contract';
import { METRIC_COLUMNS } from '@perfanalysis/contract';
import {
  BadUserInputError,
  createContext,
  ForbiddenError,
  readIdentity,
  roleAtLeast,
  type Runtime,
  sendJsonError,
  type SubgraphContext,
  UnauthenticatedError,
} from '@perfanalysis/platform';
import busboy from 'busboy';
import express, { type Request, type Response, Router } from 'express';
import { trackMultipartBody } from './multipartErrors.js';
import { seedErrorFields, seedUploadAnswer } from './seedRestAnswer.js';
import { tricklePoints } from './tricklePoints.js';
import { uploadFile } from './uploadFile.js';

/** Older agents' REST paths (docs/rest-api.md), mapped onto the same services as the GraphQL mutations. */
export const REST_UPLOAD_PATH = '/api/v1/performance/upload';
export const REST_TRICKLE_PATH = '/api/trickle/ingest/';

/** The platform's error answer (docs/errors.md) plus the fields the older agents read. */
function sendError(res: Response, error: unknown, runtime: Runtime): void {
  sendJsonError(res, error, {
    logger: runtime.logger,
    body: (message, extensions) => ({ errors: [{ message, extensions }], ...seedErrorFields(extensions) }),
  });
}

/** ADMIN users or a collector's API key may write metrics (as `uploadMetrics`). */
export function writerContext(req: Request, runtime: Runtime): SubgraphContext {
  const ctx = createContext(runtime, readIdentity(req, runtime.secrets.internalSecret), runtime.logger);
  const { principal, tenant } = ctx.identity;
  if (!principal || !tenant) throw new UnauthenticatedError();
  if (principal.kind === 'user' && !roleAtLeast(principal.role, 'ADMIN'))
    throw new ForbiddenError('Uploading needs the ADMIN role or a collector API key.');
  return ctx;
}

/** `{ timestamp, cpu_user, …, devices: [{ kind, device, … }] }` as the older agents sent it. */
function restPoint(raw: unknown, index: number): MetricPoint {
  const record = (raw ?? {}) as Record<string, unknown>;
  const values = (source: Record<string, unknown>): MetricValues => {
    const out: Partial<Record<MetricColumn, number>> = {};
    for (const column of METRIC_COLUMNS) {
      const value = source[column];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number')
        throw new BadUserInputError(`Point ${index}: ${column} must be a number.`, { field: `points[${index}].${column}` });
      out[column] = value;
    }
    return out;
  };
  const ts =
    typeof record.timestamp === 'number' && record.timestamp < 1e11 ? record.timestamp * 1000 : Date.parse(String(record.timestamp));
  if (!Number.isFinite(ts))
    throw new BadUserInputError(`Point ${index}: timestamp must be ISO-8601 or epoch seconds.`, { field: `points[${index}].timestamp` });
  const devices = Array.isArray(record.devices) ? record.devices : [];
  return {
    timestamp: ts,
    values: values(record),
    devices: devices.map((d: Record<string, unknown>) => {
      if (!['cpu', 'disk', 'net'].includes(String(d.kind)) || typeof d.device !== 'string') {
        throw new BadUserInputError(`Point ${index}: each device needs kind cpu|disk|net and a device name.`, {
          field: `points[${index}].devices`,
        });
      }
      return { kind: d.kind as 'cpu' | 'disk' | 'net', device: d.device, values: values(d) };
    }),
  };
}

/**
 * `POST /api/v1/performance/upload` (multipart `file`, `machine_id` as a field before the file
 * or in the query string) and `POST /api/trickle/ingest/` (JSON `{ points: [...] }` or an array,
 * snake_case columns): the REST design older agents and scripts still use.
 */
export function compatRouter(runtime: Runtime): Router {
  const router = Router();
  router.post(REST_UPLOAD_PATH, (req: Request, res: Response) => {
    let ctx: SubgraphContext;
    try {
      ctx = writerContext(req, runtime);
    } catch (error) {
      return sendError(res, error, runtime);
    }
    let machineId = typeof req.query.machine_id === 'string' ? req.query.machine_id : undefined;
    let handled = false;
    let answered = false;
    // Answered once the whole body is read: a forwarding gateway still streaming it must not see the
    // connection reset (it would answer 503 instead of this 4xx). An upload's own answer comes after its file anyway.
    const answer = (send: () => void) => {
      if (answered) return;
      answered = true;
      if (req.complete || req.destroyed) return send();
      req.once('end', send).resume();
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: runtime.config.limits.uploadMaxBytes, fields: 10 } });
    } catch (error) {
      // A content type busboy cannot read (e.g. an unquoted boundary with `=` or `/`) is the sender's mistake.
      const unreadable = new BadUserInputError(`Unreadable multipart body: ${(error as Error).message}`);
      return answer(() => sendError(res, unreadable, runtime));
    }
    let file: NodeJS.ReadableStream & { destroy(error?: Error): void };
    // A sender (or the gateway's time-out) that walks away mid-body: the file stream fails, so the COPY
    // under way aborts, its transaction rolls back and its connection is released.
    req.once('close', () => {
      if (req.complete) return;
      const broken = new BadUserInputError('The upload broke off before the request body was complete.');
      file?.destroy(broken);
      parser.destroy();
    });
    trackMultipartBody(parser);
    parser.on('field', (name, value) => {
      if (name === 'machine_id') machineId = value;
    });
    parser.on('file', (name, stream, info) => {
      // busboy fails a file stream on a body cut off inside it: an ignored one needs a listener too.
      stream.on('error', () => undefined);
      if (name !== 'file' || handled) return void stream.resume();
      handled = true;
      file = stream;
      uploadFile(ctx, stream, info.filename ?? null, machineId)
        .then((r) =>
          answer(() =>
            res.json({
              ...seedUploadAnswer(r),
              rows_processed: r.rowsProcessed,
              duplicates_skipped: r.duplicatesSkipped,
              from: r.from,
              to: r.to,
              machines: r.machines,
              ignored_columns: r.ignoredColumns,
            }),
          ),
        )
        .catch((error: unknown) => answer(() => sendError(res, error, runtime)));
    });
    parser.on('close', () => {
      if (!handled)
        answer(() => sendError(res, new BadUserInputError('Send the CSV as the multipart field `file`.', { field: 'file' }), runtime));
    });
    // A lasting listener: busboy may emit a second error (e.g. "Unexpected end of form") once destroyed.
    parser.on('error', (error) => {
      const unreadable = new BadUserInputError(`Unreadable multipart body: ${(error as Error).message}`);
      // uploadCsv fails on its own file stream and answers then; otherwise answer now.
      if (!handled) answer(() => sendError(res, unreadable, runtime));
      req.unpipe(parser);
    });
    req.pipe(parser);
  });
  router.post(REST_TRICKLE_PATH, express.json({ limit: runtime.config.limits.requestMaxBytes }), async (req: Request, res: Response) => {
    try {
      const ctx = createContext(runtime, readIdentity(req, runtime.secrets.internalSecret), runtime.logger);
      ctx.collector();
      const body = req.body as unknown;
      const list = Array.isArray(body) ? body : (body as { points?: unknown })?.points;
      if (!Array.isArray(list)) throw new BadUserInputError('Send `{ "points": [...] }` or an array of points.', { field: 'points' });
      const ack = await tricklePoints(ctx, list.map(restPoint));
      res.json(ack);
    } catch (error) {
      sendError(res, error, runtime);
    }
  });
  return router;
}
