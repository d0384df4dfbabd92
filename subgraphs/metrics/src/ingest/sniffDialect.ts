import type { Readable } from 'node:stream';

/** Which upload dialect a file is: a metrics CSV, or a pcc collection (JSON, docs/pcc-compatibility.md). */
export type UploadDialect = 'csv' | 'pcc';

/** Bytes a file may open with before its first character: a UTF-8 BOM and whitespace. */
const LEADING = new Set([0xef, 0xbb, 0xbf, 0x20, 0x09, 0x0a, 0x0d]);

function firstMeaningful(bytes: Buffer): number | undefined {
  return bytes.find((b) => !LEADING.has(b));
}

function nextEvent(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('readable', done).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    stream.on('readable', done).on('end', done).on('error', done).on('close', done);
  });
}

/**
 * Looks at a file's first character without consuming it: `{` or `[` opens a pcc collection,
 * anything else is read as CSV (whose header starts with a column name). What was read is put
 * back, so the stream (and any flag its parser sets on it, like busboy's `truncated`) goes on
 * to the chosen reader unchanged. An empty, broken or cut-off stream counts as CSV and fails there.
 */
export async function sniffDialect(stream: Readable): Promise<UploadDialect> {
  const taken: Buffer[] = [];
  let first: number | undefined;
  while (first === undefined && !stream.readableEnded && !stream.destroyed) {
    const chunk = stream.read() as Buffer | string | null;
    if (chunk === null) {
      await nextEvent(stream);
      continue;
    }
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    taken.push(bytes);
    first = firstMeaningful(bytes);
  }
  if (taken.length && !stream.readableEnded && !stream.destroyed) stream.unshift(Buffer.concat(taken));
  return first === 0x7b || first === 0x5b ? 'pcc' : 'csv';
}
