import { parseMetricsCsv } from '@perfanalysis/contract';
import { auditRequest, ForbiddenError, quoteSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Readable, Writable } from 'node:stream';
import { insertPointsSql } from '../storage/insertPoints.js';
import { ensurePartitions } from '../storage/partitions.js';
import { collectorByMachine, touchLastSeen } from './collectorDirectory.js';
import { copyLine } from './copyEncoder.js';
import { multipartBodyParsed } from './multipartErrors.js';
import { asUploadError } from './uploadErrors.js';
import { uploadWindow } from './uploadWindow.js';
import type { UploadResult } from './upload.types.js';

/** Lines are handed to COPY in chunks of about this many characters. */
const CHUNK = 256 * 1024;

interface Staged {
  rows: number;
  first: number;
  last: number;
  /** machine id → collector id, for the machines the file names. */
  machines: Map<string, string>;
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => (stream.once('drain', resolve), stream.once('error', reject)));
}

async function finish(stream: Writable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
    stream.end();
  });
}

/** The collector a row's machine id names, checked against the caller: FORBIDDEN otherwise. */
async function resolveMachine(ctx: SubgraphContext, staged: Staged, machineId: string): Promise<string> {
  const known = staged.machines.get(machineId);
  if (known) return known;
  const collector = await collectorByMachine(ctx.runtime.db.pool, ctx.tenantSchema(), machineId);
  const principal = ctx.identity.principal;
  if (!collector || !collector.active || (principal?.kind === 'collector' && principal.collectorId !== collector.id)) {
    throw new ForbiddenError(
      `Machine "${machineId}" is not an active collector of this tenant${principal?.kind === 'collector' ? ' (or not this key’s own)' : ''}.`,
      {
        machineId,
      },
    );
  }
  staged.machines.set(machineId, collector.id);
  return collector.id;
}

/** Streams the parsed file into a temporary staging table with COPY. */
async function stage(
  ctx: SubgraphContext,
  client: PoolClient,
  source: Readable,
  machineId: string | undefined,
): Promise<{ staged: Staged; ignored: string[] }> {
  const { limits } = ctx.runtime.config;
  const parsed = parseMetricsCsv(source, {
    machineId,
    now: Date.now(),
    // The tenant's retention, not a fixed window: months-old captures load (docs/pcc-compatibility.md).
    maxAgeMs: (await uploadWindow(ctx)).maxAgeMs,
    futureSkewMs: limits.futureSkewMs,
    maxRows: limits.uploadMaxRows,
  });
  const header = await parsed.header;
  const copy = client.query(copyFrom('COPY pg_temp.staging FROM STDIN'));
  const staged: Staged = { rows: 0, first: Infinity, last: -Infinity, machines: new Map() };
  let buffer = '';
  try {
    for await (const row of parsed.rows) {
      buffer += copyLine(await resolveMachine(ctx, staged, row.machineId), row.point);
      staged.rows += 1;
      staged.first = Math.min(staged.first, row.point.timestamp);
      staged.last = Math.max(staged.last, row.point.timestamp);
      if (buffer.length >= CHUNK) {
        await write(copy, buffer);
        buffer = '';
      }
    }
    if (buffer) await write(copy, buffer);
    await finish(copy);
  } catch (error) {
    // Aborting COPY reports its own error on the stream; the connection is discarded anyway.
    copy.on('error', () => undefined);
    copy.destroy();
    throw error;
  }
  return { staged, ignored: header.ignored };
}

/**
 * A CSV file of any supported dialect into the caller's tenant, all or nothing: the rows are
 * staged with COPY inside one transaction and moved into the partitioned table in one
 * statement that skips (and counts) points already stored and updates the rollups.
 */
export async function uploadCsv(
  ctx: SubgraphContext,
  source: Readable,
  fileName: string | null,
  machineId: string | undefined,
): Promise<UploadResult> {
  const schema = ctx.tenantSchema();
  const { pool } = ctx.runtime.db;
  const client = await pool.connect();
  let failed: unknown;
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE staging (LIKE ${quoteSchema(schema)}.metric_points) ON COMMIT DROP`);
    const { staged, ignored } = await stage(ctx, client, source, machineId);
    // The multipart parser cuts a file at the size limit and ends the stream: never store a truncated file.
    if (wasTruncated(source)) throw Object.assign(new Error('file truncated at the size limit'), { status: 413 });
    // A multipart body cut off or broken after the file (e.g. inside its closing boundary) stores nothing either.
    await multipartBodyParsed(source);
    let inserted = 0;
    if (staged.rows > 0) {
      // Inside this transaction (it already locks the parent table, so another connection's DDL would wait on it);
      // not cached, since a rollback takes the new partitions with it.
      await ensurePartitions(client, schema, staged.first, staged.last, { cache: false });
      const { rows } = await client.query<{ collector_id: string; inserted: number }>(
        insertPointsSql(schema, 'SELECT * FROM pg_temp.staging', 'perCollector'),
      );
      inserted = rows.reduce((sum, r) => sum + r.inserted, 0);
      await recordUploads(client, schema, staged, rows, fileName, ctx);
    }
    await client.query('COMMIT');
    const machines = [...staged.machines.keys()];
    await auditRequest(ctx, 'UPLOAD', { fileName, rows: staged.rows, inserted, machines });
    for (const id of staged.machines.values()) await touchLastSeen(pool, schema, id, staged.last);
    return {
      rowsProcessed: staged.rows,
      duplicatesSkipped: staged.rows - inserted,
      from: staged.rows ? new Date(staged.first) : null,
      to: staged.rows ? new Date(staged.last) : null,
      machines,
      ignoredColumns: ignored,
    };
  } catch (error) {
    failed = error;
    source.destroy();
    throw asUploadError(
      wasTruncated(source) ? Object.assign(new Error('truncated'), { status: 413 }) : error,
      ctx.runtime.config.limits.uploadMaxBytes,
    );
  } finally {
    // A failed upload's connection may sit mid-COPY: discard it rather than return it to the pool (that also rolls back).
    client.release(failed !== undefined ? true : undefined);
  }
}

/** busboy marks a file stream cut off at its size limit. */
function wasTruncated(source: Readable): boolean {
  return (source as Readable & { truncated?: boolean }).truncated === true;
}

async function recordUploads(
  client: PoolClient,
  schema: string,
  staged: Staged,
  inserted: { collector_id: string; inserted: number }[],
  fileName: string | null,
  ctx: SubgraphContext,
): Promise<void> {
  const { rows: perCollector } = await client.query<{ collector_id: string; n: number; first: Date; last: Date }>(
    'SELECT collector_id, count(*)::int AS n, min(ts) AS first, max(ts) AS last FROM pg_temp.staging GROUP BY collector_id',
  );
  const principal = ctx.identity.principal;
  const by = principal?.kind === 'user' ? principal.userId : principal ? `collector:${principal.collectorId}` : null;
  for (const row of perCollector) {
    const stored = inserted.find((r) => r.collector_id === row.collector_id)?.inserted ?? 0;
    await client.query(
      `INSERT INTO ${quoteSchema(schema)}.uploads (collector_id, file_name, rows_processed, duplicates_skipped, range_from, range_to, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.collector_id, fileName, row.n, row.n - stored, row.first, row.last, by],
    );
  }
}
