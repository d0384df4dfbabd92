/** The last instant a timestamp may name: 9999-12-31T23:59:59.999Z (ISO-8601 has 4-digit years). */
export const MAX_CSV_TIMESTAMP_MS = 253_402_300_799_999;

/**
 * Reads one timestamp cell, `text[from..to)`, into ms since the epoch (UTC, rounded to the
 * millisecond), or NaN when it is neither form docs/metrics.md accepts:
 *
 * - ISO-8601 / RFC 3339: `YYYY-MM-DD`, then `T` or a space, `HH:MM[:SS[.fraction]]`, then
 *   `Z`, `±HH:MM`, `±HHMM`, `±HH`, or nothing — no zone means UTC (older agents wrote
 *   `YYYY-MM-DD HH:MM:SS` in UTC);
 * - Unix epoch seconds: digits with an optional decimal fraction (`1714564800`, `1714564800.25`).
 *
 * Calendar fields are checked (no 2024-02-30, no 24:00, no leap second). Whether the
 * result is within 1970…9999 is left to the caller, which can then give a better message.
 * Written by hand: it runs once per row and a regex + Date.parse costs several times more.
 */
export function parseCsvTimestamp(text: string, from = 0, to = text.length): number {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start >= 16 && text.charCodeAt(start + 4) === 45) return parseIso(text, start, end);
  return parseEpochSeconds(text, start, end);
}

function parseEpochSeconds(text: string, start: number, end: number): number {
  if (start === end) return NaN;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0 && i > start) dot = i;
    else if (c < 48 || c > 57) return NaN;
  }
  const seconds = dot < 0 && end - start <= 15 ? integerAt(text, start, end) : +text.slice(start, end);
  return Math.round(seconds * 1000);
}

function parseIso(s: string, p: number, end: number): number {
  const year = digits(s, p, 4);
  const month = digits(s, p + 5, 2);
  const day = digits(s, p + 8, 2);
  const sep = s.charCodeAt(p + 10);
  if (s.charCodeAt(p + 7) !== 45 || !(sep === 84 || sep === 116 || sep === 32)) return NaN; // - T t space
  const hour = digits(s, p + 11, 2);
  const minute = digits(s, p + 14, 2);
  if (s.charCodeAt(p + 13) !== 58) return NaN; // :
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour > 23 || minute > 59) return NaN; // NaN compares false: also caught below
  let i = p + 16;
  let second = 0;
  let millis = 0;
  if (i < end && s.charCodeAt(i) === 58) {
    second = digits(s, i + 1, 2);
    if (!(second <= 59)) return NaN;
    i += 3;
    const c = s.charCodeAt(i);
    if (i < end && (c === 46 || c === 44)) {
      // Fraction of a second, any number of digits; rounded to the millisecond using the
      // first nine (nanoseconds) so long fractions cannot overflow.
      let fraction = 0;
      let scale = 1;
      let j = i + 1;
      for (; j < end; j++) {
        const d = s.charCodeAt(j) - 48;
        if (d < 0 || d > 9) break;
        if (scale < 1e9) {
          fraction = fraction * 10 + d;
          scale *= 10;
        }
      }
      if (j === i + 1) return NaN;
      millis = (fraction * 1000) / scale;
      i = j;
    }
  }
  const offset = zoneOffsetMinutes(s, i, end);
  if (offset !== offset) return NaN;
  const days = daysFromCivil(year, month, day);
  const ms = ((days * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + millis;
  return ms === ms ? Math.round(ms) : NaN;
}

/** Minutes east of UTC for the zone designator at `s[i..end)`; NaN when malformed. */
function zoneOffsetMinutes(s: string, i: number, end: number): number {
  if (i === end) return 0;
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return i + 1 === end ? 0 : NaN; // Z z
  if (c !== 43 && c !== 45) return NaN; // + -
  const sign = c === 43 ? 1 : -1;
  const hours = digits(s, i + 1, 2);
  let minutes = 0;
  const rest = end - (i + 3);
  if (rest === 3 && s.charCodeAt(i + 3) === 58) minutes = digits(s, i + 4, 2);
  else if (rest === 2) minutes = digits(s, i + 3, 2);
  else if (rest !== 0) return NaN;
  if (!(hours <= 23 && minutes <= 59)) return NaN;
  return sign * (hours * 60 + minutes);
}

/** The decimal value of `count` ASCII digits at `s[at..]`, or NaN if any is not a digit. */
function digits(s: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = s.charCodeAt(at + k) - 48; // NaN past the end
    if (!(d >= 0 && d <= 9)) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/** Digits known to be digits, without cutting a substring. */
function integerAt(s: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date.UTC 2-digit-year trap). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}
