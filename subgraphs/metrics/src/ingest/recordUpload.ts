import type { SubgraphContext, TenantDb } from '@perfanalysis/platform';
import type { PoolClient } from 'pg';

/** What one file brought for one collector: its `uploads` row (docs/csv.md, "How an upload is stored"). */
export interface UploadRecord {
  readonly collectorId: string;
  readonly fileName: string | null;
  /** Rows (or derived points) the file held for the collector. */
  readonly rows: number;
  /** Of those, the ones not stored before. */
  readonly stored: number;
  /** Its first and last timestamp, epoch ms. */
  readonly first: number;
  readonly last: number;
}

/** Who uploaded: the user's id, `collector:<id>` for an API key, null without a principal. */
function uploaderOf(ctx: SubgraphContext): string | null {
  const principal = ctx.identity.principal;
  return principal?.kind === 'user' ? principal.userId : principal ? `collector:${principal.collectorId}` : null;
}

/**
 * Writes a file's `uploads` row for one collector inside the upload's transaction, so the row
 * exists exactly when the points do. CSV uploads (one row per machine the file named) and pcc
 * collections (one collector) record the same way.
 */
export async function recordUpload(client: PoolClient, db: TenantDb, ctx: SubgraphContext, upload: UploadRecord): Promise<void> {
  await client.query(
    `INSERT INTO ${db.table('uploads')} (collector_id, file_name, rows_processed, duplicates_skipped, range_from, range_to, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      upload.collectorId,
      upload.fileName,
      upload.rows,
      upload.rows - upload.stored,
      new Date(upload.first),
      new Date(upload.last),
      uploaderOf(ctx),
    ],
  );
}
