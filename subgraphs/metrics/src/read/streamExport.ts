import { metricsCsvHeader } from '@perfanalysis/contract';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ExportFormat } from './exportRequest.js';

/** Text written before and after the rows COPY produces. */
const FRAME: Record<ExportFormat, { head: string; tail: string }> = {
  csv: { head: `${metricsCsvHeader()}\n`, tail: '' },
  json: { head: '[\n', tail: ']\n' },
  ndjson: { head: '', tail: '' },
};

/**
 * Streams a `COPY … TO STDOUT` into the response with backpressure: PostgreSQL produces rows
 * as fast as the client reads them and nothing is held whole in memory. For `json` the first
 * row loses its leading comma (see `exportCopySql`).
 *
 * A failure after the first byte cannot change the status any more: the response is then
 * destroyed, so the client sees a truncated transfer rather than a complete-looking file. A
 * connection left mid-COPY (error or client gone) is discarded, not returned to the pool.
 */
export async function streamExport(pool: Pool, sql: string, format: ExportFormat, res: ServerResponse): Promise<void> {
  const client = await pool.connect();
  const { head, tail } = FRAME[format];
  let failure: Error | undefined;
  try {
    const copy = client.query(copyTo(sql));
    await pipeline(
      copy,
      async function* frame(source: AsyncIterable<Buffer>) {
        let first = format === 'json';
        if (head) yield head;
        for await (const chunk of source) {
          if (first && chunk.length > 0) {
            first = false;
            yield chunk.subarray(1);
          } else yield chunk;
        }
        if (tail) yield tail;
      },
      res,
    );
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  } finally {
    client.release(failure);
  }
}
