/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL
 * cannot store NUL in text at all, and no field of ours means any of them (docs/hostile-input.md).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * True when a metric value cannot be stored in PostgreSQL's `real` (4-byte float): it
 * overflows to infinity, or a non-zero value underflows to zero. The database refuses both
 * ("out of range for type real").
 */
export function outsideRealRange(value: number): boolean {
  const stored = Math.fround(value);
  return !Number.isFinite(stored) || (stored === 0 && value !== 0);
}
