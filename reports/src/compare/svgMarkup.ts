import { FONT_FAMILY, MUTED_TEXT_COLOR, TEXT_COLOR } from '../charts/palette.js';
import { escapeHtml } from '../report/escapeHtml.js';

/** Escapes text for SVG content and attributes (the HTML escapes are valid XML). */
export const escapeXml = escapeHtml;

/**
 * An `<svg>` root around `body`: the namespace, a viewBox, a title for screen readers, and
 * the report's font. Comparison charts are built as markup (not DOM) because a fleet heatmap
 * has thousands of cells that need no layout engine.
 */
export function svgRoot(name: string, title: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-label="${escapeXml(title)}" data-chart="${name}" font-family="${escapeXml(FONT_FAMILY)}" font-size="11" fill="${TEXT_COLOR}">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/** A text element; `anchor` as in SVG. */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { anchor?: string; size?: number; muted?: boolean; bold?: boolean } = {},
): string {
  const attributes = [
    `x="${round1(x)}"`,
    `y="${round1(y)}"`,
    options.anchor ? `text-anchor="${options.anchor}"` : '',
    options.size ? `font-size="${options.size}"` : '',
    options.muted ? `fill="${MUTED_TEXT_COLOR}"` : '',
    options.bold ? 'font-weight="bold"' : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(text)}</text>`;
}

/** One decimal: enough for screen and paper, and half the bytes of full precision. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A standalone SVG file: the XML declaration, then the root. */
export function standaloneSvg(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
