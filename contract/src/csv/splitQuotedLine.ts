const QUOTE = 34;
const COMMA = 44;

/**
 * Splits one line, `text[start..end)`, that holds double quotes, when every quoted cell
 * opens at the start of its cell and closes on this line followed by `,` or the line's end
 * (doubled quotes inside stand for one quote). Returns undefined for anything else — a cell
 * running onto the next line, text after a closing quote, a quote inside an unquoted cell —
 * which the caller leaves to csv-parse, whose verdict (a record, or an error) then stands.
 */
export function splitQuotedLine(text: string, start: number, end: number): string[] | undefined {
  const fields: string[] = [];
  let at = start;
  for (;;) {
    if (at < end && text.charCodeAt(at) === QUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0 || quote >= end) return undefined; // still open at the end of the line
        if (quote + 1 < end && text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        at = quote + 1;
        break;
      }
      fields.push(value);
      if (at === end) return fields;
      if (text.charCodeAt(at) !== COMMA) return undefined;
      at++;
    } else {
      let comma = text.indexOf(',', at);
      if (comma < 0 || comma > end) comma = end;
      const quote = text.indexOf('"', at);
      if (quote >= 0 && quote < comma) return undefined;
      fields.push(text.slice(at, comma));
      if (comma === end) return fields;
      at = comma + 1;
    }
  }
}
