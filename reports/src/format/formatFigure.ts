import { abs, isFiniteNumber } from '../builtins.js';

/** One formatter per precision: creating an Intl.NumberFormat costs ~50 µs, formatting ~1 µs. */
const FORMATS = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

/**
 * A figure with its unit as the report prints it: "91.2 %", "512 MB", "3 errors"; "–" when
 * there is no value. Three significant-ish digits: 0 decimals from 100, 1 from 10, else 2.
 */
export function formatFigure(value: number, unit: string): string {
  if (!isFiniteNumber(value)) return '–';
  const magnitude = abs(value);
  const digits = magnitude >= 100 || Number.isInteger(value) ? 0 : magnitude >= 10 ? 1 : 2;
  const number = FORMATS[digits]!.format(value);
  return unit === '' ? number : `${number} ${unit}`;
}
