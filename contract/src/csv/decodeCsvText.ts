import { isUtf8 } from 'node:buffer';
import { CsvSyntaxError } from './CsvSyntaxError.js';

/** What `parseMetricsCsv` reads: a Node Readable, an async generator, or an array of chunks. */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const EMPTY = new Uint8Array(0);

/**
 * Turns a stream of byte or text chunks into text chunks: strict UTF-8 (a character may
 * straddle chunks), the byte-order mark dropped, and non-text refused — invalid UTF-8 or NUL
 * characters mean a binary or wrongly encoded file, which is better said plainly than
 * reported as a thousand unparseable numbers.
 *
 * Errors are positional: the text before the offending byte is yielded first and the message
 * names the same byte offset however the input was chunked, so where a stream happens to be
 * cut never changes what the caller sees.
 * @throws CsvSyntaxError (internal) for non-text input
 */
export async function* decodeCsvText(source: CsvSource): AsyncGenerator<string, void, undefined> {
  let carry: Uint8Array = EMPTY; // the start of a character cut off by the chunk boundary
  let offset = 0; // file offset of carry[0]
  let started = false;
  const emit = (text: string): string => {
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };

  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      if (carry.length > 0) throw notUtf8(offset);
      const text = emit(chunk);
      const nul = text.indexOf('\0');
      if (nul >= 0) {
        if (nul > 0) yield text.slice(0, nul);
        throw binary();
      }
      if (text.length > 0) yield text;
      continue;
    }
    const bytes = carry.length === 0 ? chunk : concat(carry, chunk);
    const complete = bytes.length - incompleteTail(bytes);
    const body = bytes.subarray(0, complete);
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    const valid = invalid < 0 ? body : body.subarray(0, invalid);
    const text = emit(Buffer.from(valid.buffer, valid.byteOffset, valid.length).toString('utf8'));
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      if (nul > 0) yield text.slice(0, nul);
      throw binary();
    }
    if (text.length > 0) yield text;
    if (invalid >= 0) throw notUtf8(offset + invalid);
    // Copied: the caller may reuse its chunk buffers once we ask for the next one.
    carry = complete === bytes.length ? EMPTY : Uint8Array.from(bytes.subarray(complete));
    offset += complete;
  }
  if (carry.length > 0) throw notUtf8(offset);
}

/** Bytes at the end of `bytes` that start a multi-byte character not finished within it. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= extra; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += extra + 1;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function notUtf8(offset: number): CsvSyntaxError {
  return new CsvSyntaxError(
    `The file is not UTF-8 text (invalid byte sequence at byte offset ${offset}). Upload a plain-text CSV saved as UTF-8.`,
  );
}

function binary(): CsvSyntaxError {
  return new CsvSyntaxError('The file contains NUL bytes, so it is binary, not a CSV text file. Upload a plain-text CSV saved as UTF-8.');
}
