import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMetricsCsv, type CsvParseOptions, type CsvRow, type CsvSource } from '@perfanalysis/contract';

const FIXTURES = join(__dirname, '..', 'fixtures', 'csv');

/** The bytes of `contract/test/fixtures/csv/<name>`. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** Parses everything and returns the rows; rejects with the parser's error. */
export async function parseAll(source: CsvSource, options?: CsvParseOptions): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of parseMetricsCsv(source, options).rows) rows.push(row);
  return rows;
}

/** An error reduced to what a caller can observe. */
export interface ErrorOutcome {
  readonly name: string;
  readonly code: unknown;
  readonly message: string;
  readonly details: unknown;
}

/** Everything a consumer observes from one parse: rows before any error, then the error. */
export interface ParseOutcome {
  readonly rows: CsvRow[];
  readonly error?: ErrorOutcome;
}

export async function outcomeOf(source: CsvSource, options?: CsvParseOptions): Promise<ParseOutcome> {
  const rows: CsvRow[] = [];
  try {
    for await (const row of parseMetricsCsv(source, options).rows) rows.push(row);
    return { rows };
  } catch (error) {
    const e = error as Error & { code?: unknown; details?: unknown };
    return { rows, error: { name: e.name, code: e.code, message: e.message, details: e.details } };
  }
}

/** Cuts bytes at the given offsets (any order, duplicates and out-of-range ones ignored). */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

/** Same rows, compared field by field (values with Object.is, so -0 and NaN would show). */
export function sameRows(a: readonly CsvRow[], b: readonly CsvRow[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i]!;
    const va = row.point.values as Record<string, number>;
    const vb = other.point.values as Record<string, number>;
    const keys = Object.keys(va);
    return (
      row.machineId === other.machineId &&
      row.row === other.row &&
      row.point.timestamp === other.point.timestamp &&
      keys.length === Object.keys(vb).length &&
      keys.every((k) => Object.is(va[k], vb[k]))
    );
  });
}
