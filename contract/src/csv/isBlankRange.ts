/** True when `text[start..end)` holds nothing but ASCII white space (how spreadsheets write "no value"). */
export function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/** True for a record whose every cell is blank: a blank line, or `,,,` rows spreadsheets leave behind. */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (!isBlankRange(field, 0, field.length)) return false;
  return true;
}
