import { METRIC_COLUMNS } from '@perfanalysis/contract';
import {
  auditRequest,
  COPY_BINARY_HEADER,
  COPY_BINARY_TRAILER,
  ForbiddenError,
  type SubgraphContext,
  type TenantDb,
} from '@perfanalysis/platform';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Readable, Writable } from 'node:stream';
import { moveStaged, type MovedRows } from '../storage/moveStaged.js';
import { ensurePartitions } from '../storage/partitions.js';
import { collectorByMachine, touchLastSeen } from './collectorDirectory.js';
import { uuidBytes } from './binaryCopyEncoder.js';
import { CsvCopyParser } from './csvCopyParser.js';
import { multipartBodyParsed } from './multipartErrors.js';
import { recordUpload } from './recordUpload.js';
import { asUploadError, fileTooLarge, wasTruncated } from './uploadErrors.js';
import { uploadWindow } from './uploadWindow.js';
import type { UploadResult } from './upload.types.js';

/**
 * Spelled out rather than `LIKE metric_points`: LIKE would hold a lock on the parent table
 * until commit, and the partitions created on another connection before the insert would wait on it.
 */
const STAGING_TABLE = `CREATE TEMP TABLE staging (collector_id uuid NOT NULL, ts timestamptz NOT NULL, ${METRIC_COLUMNS.map(
  (c) => `${c} real`,
).join(', ')}) ON COMMIT DROP`;

/** What the file holds for one machine, counted while it streams (no second scan of staging). */
interface MachineRows {
  readonly collectorId: string;
  rows: number;
  first: number;
  last: number;
}

interface Staged {
  rows: number;
  first: number;
  last: number;
  /** machine id → its collector and rows, for the machines the file names. */
  machines: Map<string, MachineRows>;
}

async function write(stream: Writable, chunk: Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => (stream.once('drain', resolve), stream.once('error', reject)));
}

async function finish(stream: Writable): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
    stream.end();
  });
}

/** The collector a machine id names, checked against the caller: FORBIDDEN otherwise. */
async function resolveMachine(ctx: SubgraphContext, machineId: string): Promise<MachineRows> {
  const collector = await collectorByMachine(ctx.tenantDb(), machineId);
  const principal = ctx.identity.principal;
  if (!collector || !collector.active || (principal?.kind === 'collector' && principal.collectorId !== collector.id)) {
    throw new ForbiddenError(
      `Machine "${machineId}" is not an active collector of this tenant${principal?.kind === 'collector' ? ' (or not this key’s own)' : ''}.`,
      {
        machineId,
      },
    );
  }
  return { collectorId: collector.id, rows: 0, first: Infinity, last: -Infinity };
}

/**
 * Streams the file into the staging table with binary COPY, parsed and encoded in a worker
 * thread one input chunk at a time: awaiting the COPY stream's backpressure (and a machine's
 * first lookup) keeps memory bounded by a few chunks whatever the file's size.
 */
async function stage(ctx: SubgraphContext, client: PoolClient, parser: CsvCopyParser): Promise<Staged> {
  const copy = client.query(copyFrom('COPY pg_temp.staging FROM STDIN (FORMAT binary)'));
  const staged: Staged = { rows: 0, first: Infinity, last: -Infinity, machines: new Map() };
  try {
    await write(copy, COPY_BINARY_HEADER);
    await parser.stage({
      collectors: async (machineIds) => {
        const uuids = new Map<string, Uint8Array>();
        for (const machineId of machineIds) {
          const machine = await resolveMachine(ctx, machineId);
          staged.machines.set(machineId, machine);
          uuids.set(machineId, uuidBytes(machine.collectorId));
        }
        return uuids;
      },
      write: async (tuples, tally) => {
        for (const [machineId, rows, first, last] of tally) {
          const machine = staged.machines.get(machineId)!;
          machine.rows += rows;
          machine.first = Math.min(machine.first, first);
          machine.last = Math.max(machine.last, last);
          staged.rows += rows;
          staged.first = Math.min(staged.first, first);
          staged.last = Math.max(staged.last, last);
        }
        await write(copy, tuples);
      },
    });
    await write(copy, COPY_BINARY_TRAILER);
    await finish(copy);
  } catch (error) {
    // Aborting COPY reports its own error on the stream; the connection is discarded anyway.
    copy.on('error', () => undefined);
    copy.destroy();
    throw error;
  }
  return staged;
}

/**
 * A CSV file of any supported dialect into the caller's tenant, all or nothing: the rows are
 * staged with binary COPY inside one transaction and moved into the partitioned table in one
 * statement that skips (and counts) points already stored and updates the rollups
 * (docs/csv.md, "How an upload is stored").
 */
export async function uploadCsv(
  ctx: SubgraphContext,
  source: Readable,
  fileName: string | null,
  machineId: string | undefined,
): Promise<UploadResult> {
  const db = ctx.tenantDb();
  const { pool } = ctx.runtime.db;
  const { limits } = ctx.runtime.config;
  const parser = new CsvCopyParser(source, {
    machineId,
    now: Date.now(),
    // The tenant's retention, not a fixed window: months-old captures load (docs/pcc-compatibility.md).
    maxAgeMs: (await uploadWindow(ctx)).maxAgeMs,
    futureSkewMs: limits.futureSkewMs,
    maxRows: limits.uploadMaxRows,
  });
  let client: PoolClient | undefined;
  let failed: unknown;
  try {
    // No connection or transaction is held while the body has not even started.
    const header = await parser.header;
    client = await pool.connect();
    await client.query('BEGIN');
    await client.query(STAGING_TABLE);
    const staged = await stage(ctx, client, parser);
    // The multipart parser cuts a file at the size limit and ends the stream: never store a truncated file.
    if (wasTruncated(source)) throw fileTooLarge(limits.uploadMaxBytes);
    // A multipart body cut off or broken after the file (e.g. inside its closing boundary) stores nothing either.
    await multipartBodyParsed(source);
    let inserted = 0;
    if (staged.rows > 0) {
      // On a pool connection of its own, committed at once: a new month's partition must not lock the
      // parent table (and stall trickle) until this upload commits. An empty partition left by a failed upload is harmless.
      await ensurePartitions(pool, db, staged.first, staged.last);
      const rows = await moveStaged(client, db);
      inserted = rows.reduce((sum, r) => sum + r.inserted, 0);
      await recordUploads(client, db, staged, rows, fileName, ctx);
    }
    await client.query('COMMIT');
    const machines = [...staged.machines.keys()];
    await auditRequest(ctx, 'UPLOAD', { fileName, rows: staged.rows, inserted, machines });
    for (const machine of staged.machines.values()) await touchLastSeen(db, machine.collectorId, staged.last);
    return {
      rowsProcessed: staged.rows,
      duplicatesSkipped: staged.rows - inserted,
      from: staged.rows ? new Date(staged.first) : null,
      to: staged.rows ? new Date(staged.last) : null,
      machines,
      ignoredColumns: header.ignored,
    };
  } catch (error) {
    failed = error;
    source.destroy();
    throw wasTruncated(source) ? fileTooLarge(limits.uploadMaxBytes) : asUploadError(error, limits.uploadMaxBytes);
  } finally {
    // A failed upload's connection may sit mid-COPY: discard it rather than return it to the pool (that also rolls back).
    client?.release(failed !== undefined ? true : undefined);
    await parser.close();
  }
}

/** One `uploads` row per collector the file named, from the counts taken while staging. */
async function recordUploads(
  client: PoolClient,
  db: TenantDb,
  staged: Staged,
  inserted: readonly MovedRows[],
  fileName: string | null,
  ctx: SubgraphContext,
): Promise<void> {
  for (const machine of staged.machines.values()) {
    const stored = inserted.find((r) => r.collector_id === machine.collectorId)?.inserted ?? 0;
    await recordUpload(client, db, ctx, { ...machine, fileName, stored });
  }
}
