import { DecimalScanner } from './DecimalScanner.js';

const scanner = new DecimalScanner();

/**
 * Reads one numeric cell, `text[start..end)`, written in plain decimal or exponent notation
 * (`12`, `-0.5`, `1.5e3`, surrounding spaces allowed). Returns NaN for anything else,
 * including blank cells, `NaN`, `Infinity`, hex/octal/binary literals and thousands
 * separators, so the caller can say precisely what is wrong. `-0` reads as `0`.
 * Works on a range so rows are read without cutting them into substrings.
 */
export function parseCsvNumber(text: string, start = 0, end = text.length): number {
  const value = scanner.scan(text, start, end);
  return value === value && scanner.stop === end ? value : general(text, start, end);
}

/** The general route: V8's own conversion, after a scan for what it accepts but we must not. */
function general(text: string, start: number, end: number): number {
  const cell = start === 0 && end === text.length ? text : text.slice(start, end);
  // Unary plus also takes hex/binary/octal, '' and white space as 0, and 'Infinity'.
  const value = +cell;
  if (value !== value || value === Infinity || value === -Infinity) return NaN;
  let digits = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (!(c === 46 || c === 45 || c === 43 || c === 101 || c === 69 || c === 32 || c === 9 || c === 13 || c === 10)) {
      return NaN; // anything but . - + e E and ASCII white space
    }
  }
  return digits ? value + 0 : NaN;
}
