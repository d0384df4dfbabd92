import { type CollectionPoint, collectionPoints, PccDeriver } from '@perfanalysis/agent';
import type { MetricPoint } from '@perfanalysis/contract';
import { auditRequest, InvalidValueError, type SubgraphContext, type TenantDb } from '@perfanalysis/platform';
import type { PoolClient } from 'pg';
import type { Readable } from 'node:stream';
import { touchLastSeen } from '../ingest/collectorDirectory.js';
import type { UploadResult } from '../ingest/upload.types.js';
import { multipartBodyParsed } from '../ingest/multipartErrors.js';
import { recordUpload } from '../ingest/recordUpload.js';
import { asUploadError, fileTooLarge, wasTruncated } from '../ingest/uploadErrors.js';
import { uploadWindow } from '../ingest/uploadWindow.js';
import { validatePoint } from '../ingest/validatePoint.js';
import { ensurePartitions } from '../storage/partitions.js';
import { insertBatches } from '../storage/storePoints.js';
import type { CollectionTarget } from './collectionTarget.js';

/** Points are inserted in batches of this many, inside the upload's one transaction. */
const BATCH = 2_000;

class CollectionLoad {
  readonly deriver = new PccDeriver();
  private batch: MetricPoint[] = [];
  points = 0;
  inserted = 0;
  first = Infinity;
  last = -Infinity;

  constructor(
    private readonly client: PoolClient,
    private readonly db: TenantDb,
    private readonly collectorId: string,
    private readonly window: Awaited<ReturnType<typeof uploadWindow>>,
  ) {}

  async add({ point, line }: CollectionPoint): Promise<void> {
    if (point.timestamp < this.window.oldest) {
      const days = Math.round(this.window.maxAgeMs / 86_400_000);
      throw new InvalidValueError(
        `Line ${line}: ${new Date(point.timestamp).toISOString()} is older than this tenant's retention of ${days} days; drop older samples or ask the operator to raise the retention.`,
        { row: line, column: 'timestamp', value: new Date(point.timestamp).toISOString(), line, retentionDays: days },
      );
    }
    validatePoint(point, line, this.window);
    this.batch.push(point);
    this.points += 1;
    this.first = Math.min(this.first, point.timestamp);
    this.last = point.timestamp;
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const batch = this.batch;
    this.batch = [];
    // Not cached: a rollback takes new partitions with it.
    await ensurePartitions(this.client, this.db, batch[0]!.timestamp, batch[batch.length - 1]!.timestamp, { cache: false });
    this.inserted += (await insertBatches(this.client, this.db, [{ collectorId: this.collectorId, points: batch }]))[0]!.length;
  }
}

/**
 * A pcc collection (raw measurements, NDJSON or a JSON array) into one collector, all or
 * nothing: derived point by point with the agent's rate rules inside one transaction, which
 * commits only when the whole stream was read and valid (docs/pcc-compatibility.md).
 */
export async function uploadCollection(
  ctx: SubgraphContext,
  source: Readable,
  fileName: string | null,
  target: CollectionTarget,
): Promise<UploadResult> {
  const db = ctx.tenantDb();
  const { pool } = ctx.runtime.db;
  const window = await uploadWindow(ctx);
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    const load = new CollectionLoad(client, db, target.collectorId, window);
    for await (const derived of collectionPoints(source, load.deriver)) await load.add(derived);
    await load.flush();
    // A multipart file cut at the size limit, or a body broken after it, stores nothing.
    if (wasTruncated(source)) throw fileTooLarge(ctx.runtime.config.limits.uploadMaxBytes);
    await multipartBodyParsed(source);
    if (load.points > 0) {
      await recordUpload(client, db, ctx, {
        collectorId: target.collectorId,
        fileName,
        rows: load.points,
        stored: load.inserted,
        first: load.first,
        last: load.last,
      });
    }
    await client.query('COMMIT');
    const ignored = [...load.deriver.tally.ignored.keys()];
    await auditRequest(ctx, 'UPLOAD', {
      fileName,
      format: 'pcc',
      rows: load.points,
      inserted: load.inserted,
      machines: [target.machineId],
    });
    if (load.points) await touchLastSeen(db, target.collectorId, load.last);
    return {
      rowsProcessed: load.points,
      duplicatesSkipped: load.points - load.inserted,
      from: load.points ? new Date(load.first) : null,
      to: load.points ? new Date(load.last) : null,
      machines: [target.machineId],
      ignoredColumns: ignored,
    };
  } catch (error) {
    failed = true;
    source.destroy();
    const { uploadMaxBytes } = ctx.runtime.config.limits;
    throw wasTruncated(source) ? fileTooLarge(uploadMaxBytes) : asUploadError(error, uploadMaxBytes);
  } finally {
    // A failed upload's connection is discarded, which also rolls its transaction back.
    client.release(failed ? true : undefined);
  }
}
