import { collectionValueError } from '@perfanalysis/contract';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { NumberedMeasurement } from './pccDeriver.js';
import { parseMeasurementLine, readMeasurement } from './pccMeasurement.js';

/** A JSON array body is read whole (pcc sends small ones); past this it must be NDJSON. */
const MAX_ARRAY_BYTES = 16 * 1024 * 1024;

type Chunks = AsyncIterator<Buffer>;

/** The rest of a stream whose first chunk was already taken (one iterator, so nothing is lost). */
async function* remaining(chunks: Chunks): AsyncGenerator<Buffer> {
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
}

async function* arrayItems(head: Buffer, chunks: Chunks): AsyncGenerator<NumberedMeasurement> {
  const parts = [head];
  let size = head.length;
  for await (const chunk of remaining(chunks)) {
    size += (chunk as Buffer).length;
    if (size > MAX_ARRAY_BYTES)
      throw collectionValueError(1, 'json', '[', 'A JSON array collection is limited to 16 MB: send large collections as NDJSON.');
    parts.push(chunk as Buffer);
  }
  let items: unknown;
  try {
    items = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch (error) {
    throw collectionValueError(1, 'json', '[', `The JSON array is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(items)) throw collectionValueError(1, 'json', '[', 'Expected a JSON array of measurements.');
  for (const [index, item] of items.entries()) yield { measurement: readMeasurement(item, index + 1), line: index + 1 };
}

async function* ndjsonLines(head: Buffer, chunks: Chunks): AsyncGenerator<NumberedMeasurement> {
  const lines = createInterface({
    input: Readable.from(
      (async function* () {
        yield head;
        yield* remaining(chunks);
      })(),
    ),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    yield { measurement: parseMeasurementLine(text, line), line };
  }
}

/**
 * The measurements of a pcc collection, streamed: newline-delimited JSON (one measurement per
 * line, how pcc writes collection files), or one JSON array. Errors name the 1-based line (or
 * array position).
 */
export async function* measurementsOf(source: Readable): AsyncGenerator<NumberedMeasurement> {
  const chunks = source[Symbol.asyncIterator]() as Chunks;
  let head: Buffer | undefined;
  // The first bytes decide the form; whitespace-only chunks are kept with them.
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    head = head ? Buffer.concat([head, next.value]) : next.value;
    if (head.toString('utf8').trim() !== '') break;
  }
  if (!head) return;
  yield* head.toString('utf8').trimStart().startsWith('[') ? arrayItems(head, chunks) : ndjsonLines(head, chunks);
}
