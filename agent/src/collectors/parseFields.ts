import { ParseError } from '../errors/ParseError.js';

/** Splits a /proc line on runs of whitespace, ignoring leading/trailing blanks. */
export function splitFields(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/**
 * A kernel counter as bigint: 64-bit counters pass 2^53 long before they wrap, and a Number
 * would round the very values the wrap rule must compare.
 */
export function counter(source: string, text: string | undefined): bigint {
  if (text === undefined || !/^\d+$/.test(text)) throw new ParseError(source, `expected a counter, got "${text ?? ''}"`);
  return BigInt(text);
}

/** A gauge (kB, load average, count) as a finite number. */
export function gauge(source: string, text: string | undefined): number {
  const value = text === undefined || text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new ParseError(source, `expected a number, got "${text ?? ''}"`);
  return value;
}

/** Lines of a file without the empty ones (files end with a newline). */
export function nonEmptyLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
