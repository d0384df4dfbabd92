import type { SubgraphContext } from '@perfanalysis/platform';
import { REPORT_LIMITS } from '../report/reportLimits.js';
import { storeReportDocument, type StoredReportDocument } from './reportDownloadStore.js';

/**
 * Stores a rendered report or comparison for {@link REPORT_LIMITS.downloadTtlMs} and logs what
 * it cost; the link, its expiry and the document's size go into the answer.
 */
export async function storeRenderedDocument(
  ctx: SubgraphContext,
  rendered: StoredReportDocument & { readonly points: number },
  log: { readonly message: string; readonly fields: Record<string, unknown>; readonly started: number },
): Promise<{ downloadUrl: string; expiresAt: Date; bytes: number }> {
  const stored = await storeReportDocument(
    ctx.runtime.kv,
    { body: rendered.body, contentType: rendered.contentType, fileName: rendered.fileName },
    REPORT_LIMITS.downloadTtlMs,
  );
  const bytes = Buffer.byteLength(rendered.body);
  ctx.logger.info({ ...log.fields, points: rendered.points, bytes, ms: Math.round(performance.now() - log.started) }, log.message);
  return { downloadUrl: stored.downloadUrl, expiresAt: stored.expiresAt, bytes };
}
