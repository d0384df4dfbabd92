import type { Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * Codings a download may be sent in, best first: brotli at quality 1 both compresses
 * metrics CSV smaller and runs faster than gzip at level 1 (docs/export.md, "Compression").
 * zstd is left out: Node 20's zlib has no zstd stream.
 */
export const CONTENT_CODINGS = ['br', 'gzip'] as const;
export type ContentCoding = (typeof CONTENT_CODINGS)[number] | 'identity';

/** `gzip;q=0.8` → ['gzip', 0.8]; a malformed weight counts as 0 (not acceptable). */
function weighted(item: string): [string, number] {
  const [name = '', ...params] = item.split(';').map((part) => part.trim());
  const q = params.find((p) => /^q=/i.test(p));
  const weight = q === undefined ? 1 : /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.test(q) ? Number(q.slice(2)) : 0;
  return [name.toLowerCase(), weight];
}

/**
 * The coding of a response given the request's `Accept-Encoding` (RFC 9110 §12.5.3): the
 * acceptable coding of highest weight, ties going to the order of {@link CONTENT_CODINGS};
 * `*` stands for any coding not named; no header, or nothing acceptable, means identity
 * (always acceptable for a download, so never a 406).
 */
export function negotiateContentCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map(
    acceptEncoding
      .split(',')
      .filter((item) => item.trim())
      .map(weighted),
  );
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of CONTENT_CODINGS) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** A compressing stream for `coding`, tuned for throughput on large streamed bodies; none for identity. */
export function contentEncoder(coding: ContentCoding): Transform | undefined {
  if (coding === 'br') return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  if (coding === 'gzip') return createGzip({ level: 1 });
  return undefined;
}

/** The headers of a response sent in `coding`; `Vary` either way, since the body depends on the request's header. */
export function contentCodingHeaders(coding: ContentCoding): Record<string, string> {
  return coding === 'identity' ? { vary: 'Accept-Encoding' } : { vary: 'Accept-Encoding', 'content-encoding': coding };
}
