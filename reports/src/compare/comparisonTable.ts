import { escapeHtml } from '../report/escapeHtml.js';

/**
 * A table of a comparison, as both the HTML and the PDF print it: the figures are formatted
 * once, so the two documents cannot disagree.
 */
export interface ComparisonTable {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly { readonly header: string; readonly width: number; readonly align?: 'left' | 'right' }[];
  readonly rows: readonly (readonly string[])[];
}

/** The table as HTML (left-aligned cells are text, the rest figures). */
export function comparisonTableHtml(table: ComparisonTable): string {
  const cls = (i: number) => (table.columns[i]!.align === 'left' ? ' class="text"' : '');
  const head = table.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.header)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return (
    `<table class="percentiles" data-table="${table.id}"><caption>${escapeHtml(table.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
  );
}
