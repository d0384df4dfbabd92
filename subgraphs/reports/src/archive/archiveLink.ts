import { bindTenant, type Runtime, type TenantDb, tenantSlugOfSchema } from '@perfanalysis/platform';
import { createHash, randomBytes } from 'node:crypto';
import { REPORT_DOWNLOAD_PATH, type StoredReportDocument } from '../download/reportDownloadStore.js';

/** 256 random bits, base64url: the same shape as a rendered report's token. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Only the token's SHA-256 is a key, so a dump of the store holds no usable link. */
export function archiveLinkKey(token: string): string {
  return `reports:archive-link:${createHash('sha256').update(token).digest('hex')}`;
}

/** What a link names: an archive entry of one tenant (by slug). */
export interface ArchiveLinkTarget {
  readonly tenant: string;
  readonly archiveId: string;
}

/**
 * The target a stored link names, or undefined when the value is neither shape. Links made
 * before 2026-12-03 stored the tenant's schema (`{schema, archiveId}`) rather than its slug.
 * A `reportArchiveDownload` link lives 10 minutes, but one e-mailed or posted to a webhook
 * lives `REPORT_ARCHIVE_LINK_TTL` (7 days by default): the `schema` shape can go once the
 * longest of those has passed since the deploy that writes only `{tenant, archiveId}`.
 */
export function parseArchiveLink(stored: string): ArchiveLinkTarget | undefined {
  const value = JSON.parse(stored) as { tenant?: unknown; schema?: unknown; archiveId?: unknown };
  if (typeof value.archiveId !== 'string') return undefined;
  if (typeof value.tenant === 'string') return { tenant: value.tenant, archiveId: value.archiveId };
  if (typeof value.schema === 'string') return { tenant: tenantSlugOfSchema(value.schema), archiveId: value.archiveId };
  return undefined;
}

/**
 * A download link of one archived document of `db`'s tenant, in the style of
 * `storeReportDocument`'s: a random token under `/downloads/reports/`, the capability itself,
 * alive for `ttlMs`. The store keeps only (tenant slug, archive id): the bytes stay in the
 * archive, and a purged entry's link stops working with it.
 */
export async function createArchiveLink(
  runtime: Runtime,
  db: TenantDb,
  archiveId: string,
  ttlMs: number,
  now = Date.now(),
): Promise<{ downloadUrl: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const target: ArchiveLinkTarget = { tenant: db.tenant, archiveId };
  await runtime.kv.set(archiveLinkKey(token), JSON.stringify(target), ttlMs);
  return { downloadUrl: `${REPORT_DOWNLOAD_PATH}/${token}`, expiresAt: new Date(now + ttlMs) };
}

/** The archived document a link names, or undefined when the token is malformed, unknown, expired or its entry purged. */
export async function loadArchivedDocument(runtime: Runtime, token: string): Promise<StoredReportDocument | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const stored = await runtime.kv.get(archiveLinkKey(token));
  const target = stored === undefined ? undefined : parseArchiveLink(stored);
  if (!target) return undefined;
  const db = bindTenant(runtime.db.pool, target.tenant);
  const { rows } = await db.queryById<{ content_type: string; file_name: string; body: Buffer }>(
    `SELECT content_type, file_name, body FROM ${db.table('report_archive')} WHERE id = $1`,
    [target.archiveId],
  );
  const row = rows[0];
  return row && { contentType: row.content_type, fileName: row.file_name, body: row.body };
}
