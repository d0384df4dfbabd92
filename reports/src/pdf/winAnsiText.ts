/**
 * Characters our text uses that the PDF standard fonts (WinAnsi encoding) cannot show, with a
 * stand-in each. Embedding a font would show them but make the output depend on the fonts of
 * the machine; the standard fonts keep the renderer pure and the text selectable.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u00a0': ' ',
  '\u2248': '~',
  '\u0394': 'delta ',
};

const UNSUPPORTED = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'g');

/** `text` with every character the standard fonts lack replaced by its stand-in. */
export function winAnsiText(text: string): string {
  return text.replace(UNSUPPORTED, (c) => REPLACEMENTS[c]!);
}
