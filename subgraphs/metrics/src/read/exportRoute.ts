import {
  AppError,
  auditRequest,
  createContext,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  readIdentity,
  roleAtLeast,
  type Runtime,
  type SubgraphContext,
  UnauthenticatedError,
  BadUserInputError,
  contentCodingHeaders,
  contentEncoder,
  negotiateContentCoding,
  sendJsonError,
} from '@perfanalysis/platform';
import { type Request, type Response, Router } from 'express';
import { collectorById, collectorByMachine, type CollectorRow } from '../ingest/collectorDirectory.js';
import { type ExportRequest, parseExportRequest } from './exportRequest.js';
import { exportColumns } from './exportColumns.js';
import { exportCopySql } from './exportSql.js';
import { parquetFrame } from './parquetFrame.js';
import { streamExport } from './streamExport.js';
import { textExportFrame } from './textExportFrame.js';

export const EXPORT_PATH = '/api/v1/performance/export';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/** `perf_<machine>_<from>_<to>.<format>` with only file-name-safe characters. */
function fileName(machineId: string, request: ExportRequest): string {
  const stamp = (d: Date) =>
    d
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[:]/g, '');
  const machine = machineId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'machine';
  return `perf_${machine}_${stamp(request.from)}_${stamp(request.to)}.${request.format}`;
}

/**
 * Who may export which machine: an ANALYST or ADMIN any machine of the tenant (named by
 * `machine_id`), a collector's API key only its own machine (`machine_id` optional). A machine
 * the tenant does not have is NOT_FOUND, whoever owns it elsewhere.
 */
async function exportedCollector(ctx: SubgraphContext, machineId: string | undefined): Promise<CollectorRow> {
  const db = ctx.tenantDb();
  const principal = ctx.identity.principal;
  if (principal?.kind === 'collector') {
    const own = await collectorById(db, principal.collectorId);
    if (!own) throw new UnauthenticatedError('This API key’s collector no longer exists.');
    if (machineId !== undefined && machineId !== own.machineId) {
      throw new ForbiddenError('An API key exports only its own machine: omit `machine_id` or give its own.', { field: 'machine_id' });
    }
    return own;
  }
  if (machineId === undefined) throw new BadUserInputError('`machine_id` is required.', { field: 'machine_id' });
  const collector = await collectorByMachine(db, machineId);
  if (!collector) throw new NotFoundError('No machine with this id in your tenant.', { field: 'machine_id' });
  return collector;
}

/** Refuses anonymous callers and users below ANALYST before anything is read. */
function authorize(ctx: SubgraphContext): void {
  const { principal, tenant } = ctx.identity;
  if (!principal || !tenant) throw new UnauthenticatedError();
  if (principal.kind === 'user' && !roleAtLeast(principal.role, 'ANALYST')) {
    throw new ForbiddenError(`Exporting needs the ANALYST or ADMIN role in tenant ${tenant.slug}.`);
  }
}

/**
 * `GET /api/v1/performance/export?start_date=&end_date=&machine_id=&format=csv|json|ndjson|parquet`,
 * the text formats compressed with brotli or gzip when `Accept-Encoding` asks (docs/export.md)
 * (docs/rest-api.md, the older REST design): one machine's raw points streamed from a server-side
 * COPY. Authenticated by the gateway-signed identity header like every subgraph request.
 * Exports in flight per process are capped so slow downloads cannot take the whole pool.
 */
export function exportRouter(runtime: Runtime): Router {
  const logger = runtime.logger.child({ route: 'export' });
  const maxInFlight = Math.max(1, Math.floor(runtime.config.database.poolSize / 2));
  let inFlight = 0;
  const router = Router();

  router.get(EXPORT_PATH, async (req: Request, res: Response) => {
    let ctx: SubgraphContext | undefined;
    let request: ExportRequest | undefined;
    try {
      ctx = createContext(runtime, readIdentity(req, runtime.secrets.internalSecret), logger);
      authorize(ctx);
      request = parseExportRequest(req.query as Record<string, unknown>);
      const collector = await exportedCollector(ctx, request.machineId);
      if (inFlight >= maxInFlight) throw new RateLimitedError(1);
      inFlight++;
      let audited: Promise<unknown> | undefined;
      try {
        const sql = exportCopySql(
          ctx.tenantDb(),
          { collectorId: collector.id, machineId: collector.machineId, from: request.from, to: request.to },
          request.format,
          request.units,
        );
        // Recorded alongside the stream, not before its first byte (recordAudit logs a failure, never throws).
        audited = auditRequest(ctx, 'EXPORT', {
          machineId: collector.machineId,
          collectorId: collector.id,
          from: request.from.toISOString(),
          to: request.to.toISOString(),
          format: request.format,
          units: request.units,
        });
        // Parquet's column chunks are snappy-compressed already: a second coding would cost CPU for little.
        const coding = request.format === 'parquet' ? 'identity' : negotiateContentCoding(req.headers['accept-encoding']);
        res.status(200).set({
          'content-type': CONTENT_TYPES[request.format],
          'content-disposition': `attachment; filename="${fileName(collector.machineId, request)}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          ...contentCodingHeaders(coding),
        });
        const frame =
          request.format === 'parquet'
            ? parquetFrame(collector.machineId)
            : textExportFrame(
                request.format,
                exportColumns(request.units).map((c) => c.name),
              );
        await streamExport(runtime.db.pool, sql, frame, res, contentEncoder(coding));
      } finally {
        // The cap guards COPY connections: the slot is free once the stream is, whatever the audit insert takes.
        inFlight--;
        await audited;
      }
    } catch (error) {
      if (error instanceof AppError && ctx?.identity.tenant && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
        await auditRequest(ctx, 'EXPORT', { reason: error.code, machineId: request?.machineId ?? null }, { outcome: 'FAILURE' });
      }
      if (res.headersSent) logger.warn({ err: error }, 'export ended early');
      sendJsonError(res, error, { logger });
    }
  });
  return router;
}
