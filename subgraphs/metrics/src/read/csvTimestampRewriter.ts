const NL = 0x0a;
const COMMA = 0x2c;
const DOT = 0x2e;
const ZERO = 0x30;
const T = 0x54;
const Z = 0x5a;
/** `YYYY-MM-DD HH:MM:SS`: the part of PostgreSQL's ISO timestamp output that never varies in length. */
const SECONDS_CHARS = 19;
/** What a line can grow by: `.mmmZ` (5 bytes) where PostgreSQL wrote no fraction. */
const GROWTH_PER_LINE = 5;

/**
 * Rewrites the first field of every line of `COPY … (FORMAT csv)` output from PostgreSQL's
 * ISO text of a `timestamp` (`2026-11-01 12:00:01.12`, fraction trimmed or absent) to the
 * contract's `2026-11-01T12:00:01.120Z` — the text `to_char(…, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
 * gives, at a fraction of its cost (docs/export.md, "CSV timestamps"). Like `MS`, digits below
 * the millisecond are cut, not rounded. Lines may arrive split across chunks.
 */
export class CsvTimestampRewriter {
  private carry: Buffer | undefined;

  /** The rewritten complete lines of what has arrived so far (possibly empty). */
  push(chunk: Buffer): Buffer {
    const input = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = input.lastIndexOf(NL) + 1;
    // Copied: a view would keep the whole chunk alive until the next one.
    this.carry = end < input.length ? Buffer.from(input.subarray(end)) : undefined;
    return rewriteLines(input, end);
  }

  /** The last line, when the output did not end with a line break. */
  end(): Buffer {
    const rest = this.carry;
    this.carry = undefined;
    return rest ? rewriteLines(rest, rest.length) : Buffer.alloc(0);
  }
}

function malformed(input: Buffer, at: number): Error {
  return new Error(`export: unexpected timestamp text '${input.toString('latin1', at, Math.min(at + 32, input.length))}'`);
}

/** Rewrites the lines in `input[0..end)`; the last one may lack its line break. */
function rewriteLines(input: Buffer, end: number): Buffer {
  const out = Buffer.allocUnsafe(end + Math.ceil(end / (SECONDS_CHARS + 1)) * GROWTH_PER_LINE);
  let i = 0;
  let o = 0;
  while (i < end) {
    if (input[i + 10] !== 0x20 || input[i + 4] !== 0x2d) throw malformed(input, i);
    input.copy(out, o, i, i + SECONDS_CHARS);
    out[o + 10] = T;
    o += SECONDS_CHARS;
    i += SECONDS_CHARS;
    out[o++] = DOT;
    let digits = 0;
    if (input[i] === DOT) {
      for (i++; input[i]! >= ZERO && input[i]! <= ZERO + 9; i++) if (digits < 3) out[o + digits++] = input[i]!;
    }
    for (; digits < 3; digits++) out[o + digits] = ZERO;
    o += 3;
    out[o++] = Z;
    if (input[i] !== COMMA && i < end && input[i] !== NL) throw malformed(input, i - SECONDS_CHARS);
    const lineEnd = input.indexOf(NL, i);
    const next = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
    o += input.copy(out, o, i, next);
    i = next;
  }
  return out.subarray(0, o);
}
