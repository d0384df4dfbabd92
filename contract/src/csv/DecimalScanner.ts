/** Exact powers of ten up to 10^22, the largest that is a double exactly. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Reads a plain decimal (`-12.5`, `+3`, `.5`) at `text[start..)`, up to the first character
 * that cannot continue it, and tells in `stop` where that is — so a row can be read in one
 * pass, without looking for the next comma first.
 *
 * Up to 15 significant digits and 22 decimals the value is exact: an integer mantissa divided
 * by an exact power of ten is correctly rounded (Clinger's fast path), i.e. equal to
 * `Number(text)`. Anything longer, exponents, or no digit at all give NaN: the caller then
 * takes the general route.
 */
export class DecimalScanner {
  /** Where the last `scan` stopped: `end`, or the first character not part of the decimal. */
  stop = 0;

  scan(text: string, start: number, end: number): number {
    let i = start;
    let c = text.charCodeAt(i);
    const negative = c === 45;
    if (negative || c === 43) c = text.charCodeAt(++i);
    let mantissa = 0;
    let significant = 0;
    let decimals = 0;
    let dot = false;
    let digits = false;
    for (; i < end; c = text.charCodeAt(++i)) {
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        digits = true;
        if (dot) decimals++;
        if (mantissa !== 0 || d !== 0) {
          if (++significant > 15) break;
          mantissa = mantissa * 10 + d;
        }
      } else if (c === 46 && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    this.stop = i;
    if (!digits || decimals > 22 || significant > 15) return NaN;
    const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
    return negative ? 0 - value : value; // 0 - 0 is +0: no negative zero
  }
}
