import { metricsCsvHeader } from '@perfanalysis/contract';
import type { ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CsvTimestampRewriter } from './csvTimestampRewriter.js';
import type { ExportFormat } from './exportRequest.js';

/** Text written before and after the rows COPY produces. */
const FRAME: Record<ExportFormat, { head: string; tail: string }> = {
  csv: { head: `${metricsCsvHeader()}\n`, tail: '' },
  json: { head: '[\n', tail: ']\n' },
  ndjson: { head: '', tail: '' },
};

/**
 * Streams a `COPY … TO STDOUT` into the response with backpressure: PostgreSQL produces rows
 * as fast as the client reads them and nothing is held whole in memory; `encoder`, when
 * given, compresses on the way (zlib works off the event loop). For `json` the first
 * row loses its leading comma, for `csv` the timestamps are finished (see `exportCopySql`).
 *
 * A failure after the first byte cannot change the status any more: the response is then
 * destroyed, so the client sees a truncated transfer rather than a complete-looking file. A
 * connection left mid-COPY (error or client gone) is discarded, not returned to the pool.
 */
export async function streamExport(
  pool: Pool,
  sql: string,
  format: ExportFormat,
  res: ServerResponse,
  encoder: Transform | undefined,
): Promise<void> {
  const client = await pool.connect();
  const { head, tail } = FRAME[format];
  let failure: Error | undefined;
  try {
    const copy = client.query(copyTo(sql));
    const frame = async function* (source: AsyncIterable<Buffer>) {
      let first = format === 'json';
      if (head) yield head;
      if (format === 'csv') {
        const rewriter = new CsvTimestampRewriter();
        for await (const chunk of source) yield rewriter.push(chunk);
        yield rewriter.end();
      } else {
        for await (const chunk of source) {
          if (first && chunk.length > 0) {
            first = false;
            yield chunk.subarray(1);
          } else yield chunk;
        }
      }
      if (tail) yield tail;
    };
    if (encoder) await pipeline(copy, frame, encoder, res);
    else await pipeline(copy, frame, res);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  } finally {
    client.release(failure);
  }
}
