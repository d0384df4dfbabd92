import type { KeyValueStore } from '@perfanalysis/platform';
import { createHash, randomBytes } from 'node:crypto';

/** Where a rendered report is served from (relative: through the gateway). */
export const REPORT_DOWNLOAD_PATH = '/downloads/reports';

/** A stored document: its bytes and how to serve them. */
export interface StoredReportDocument {
  readonly contentType: string;
  readonly fileName: string;
  /** Text (HTML, SVG) or bytes (PDF). */
  readonly body: string | Buffer;
}

/** 256 random bits, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The key-value key of a token: its SHA-256, so a dump of the store holds no usable link. */
function keyOf(token: string): string {
  return `reports:download:${createHash('sha256').update(token).digest('hex')}`;
}

/**
 * Stores a rendered document under a fresh random 256-bit token for `ttlMs`. The token is the
 * capability: whoever holds the link may download the document until it expires, without
 * logging in (a browser following the link sends no bearer token). It is unguessable, lives
 * minutes, and is handed only to the ANALYST who asked for the report, in their tenant.
 */
export async function storeReportDocument(
  kv: KeyValueStore,
  document: StoredReportDocument,
  ttlMs: number,
  now = Date.now(),
): Promise<{ token: string; downloadUrl: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  // The store holds strings: bytes travel as base64, marked in the header.
  const binary = typeof document.body !== 'string';
  const header = JSON.stringify({ contentType: document.contentType, fileName: document.fileName, ...(binary ? { base64: true } : {}) });
  const body = typeof document.body === 'string' ? document.body : document.body.toString('base64');
  await kv.set(keyOf(token), `${header}\n${body}`, ttlMs);
  return { token, downloadUrl: `${REPORT_DOWNLOAD_PATH}/${token}`, expiresAt: new Date(now + ttlMs) };
}

/** The document of a token, or undefined when the token is malformed, unknown or expired. */
export async function loadReportDocument(kv: KeyValueStore, token: string): Promise<StoredReportDocument | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const stored = await kv.get(keyOf(token));
  if (stored === undefined) return undefined;
  const newline = stored.indexOf('\n');
  if (newline < 0) return undefined;
  const header = JSON.parse(stored.slice(0, newline)) as { contentType: string; fileName: string; base64?: boolean };
  const body = stored.slice(newline + 1);
  return { contentType: header.contentType, fileName: header.fileName, body: header.base64 ? Buffer.from(body, 'base64') : body };
}
