import { quoteSchema, type Runtime } from '@perfanalysis/platform';
import { createHash, randomBytes } from 'node:crypto';
import { REPORT_DOWNLOAD_PATH, type StoredReportDocument } from '../download/reportDownloadStore.js';

/** 256 random bits, base64url: the same shape as a rendered report's token. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Only the token's SHA-256 is a key, so a dump of the store holds no usable link. */
function keyOf(token: string): string {
  return `reports:archive-link:${createHash('sha256').update(token).digest('hex')}`;
}

/**
 * A download link of one archived document, in the style of `storeReportDocument`'s: a random
 * token under `/downloads/reports/`, the capability itself, alive for `ttlMs`. The store keeps
 * only (tenant schema, archive id): the bytes stay in the archive, and a purged entry's link
 * stops working with it.
 */
export async function createArchiveLink(
  runtime: Runtime,
  schema: string,
  archiveId: string,
  ttlMs: number,
  now = Date.now(),
): Promise<{ downloadUrl: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  await runtime.kv.set(keyOf(token), JSON.stringify({ schema, archiveId }), ttlMs);
  return { downloadUrl: `${REPORT_DOWNLOAD_PATH}/${token}`, expiresAt: new Date(now + ttlMs) };
}

/** The archived document a link names, or undefined when the token is malformed, unknown, expired or its entry purged. */
export async function loadArchivedDocument(runtime: Runtime, token: string): Promise<StoredReportDocument | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const stored = await runtime.kv.get(keyOf(token));
  if (stored === undefined) return undefined;
  const { schema, archiveId } = JSON.parse(stored) as { schema: string; archiveId: string };
  const { rows } = await runtime.db.pool.query<{ content_type: string; file_name: string; body: Buffer }>(
    `SELECT content_type, file_name, body FROM ${quoteSchema(schema)}.report_archive WHERE id = $1`,
    [archiveId],
  );
  const row = rows[0];
  return row && { contentType: row.content_type, fileName: row.file_name, body: row.body };
}
