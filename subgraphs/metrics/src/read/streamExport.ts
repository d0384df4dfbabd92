import type { ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Turns the bytes COPY produces into the bytes of the file (see `textExportFrame`, `parquetFrame`). */
export type ExportFrame = (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer | Uint8Array | string>;

/**
 * Streams a `COPY … TO STDOUT` through `frame` into the response with backpressure: PostgreSQL
 * produces rows as fast as the client reads them and nothing is held whole in memory;
 * `encoder`, when given, compresses on the way (zlib works off the event loop).
 *
 * A failure after the first byte cannot change the status any more: the response is then
 * destroyed, so the client sees a truncated transfer rather than a complete-looking file. A
 * connection left mid-COPY (error or client gone) is discarded, not returned to the pool.
 */
export async function streamExport(
  pool: Pool,
  sql: string,
  frame: ExportFrame,
  res: ServerResponse,
  encoder: Transform | undefined,
): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    const copy = client.query(copyTo(sql));
    if (encoder) await pipeline(copy, frame, encoder, res);
    else await pipeline(copy, frame, res);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  } finally {
    client.release(failure);
  }
}
