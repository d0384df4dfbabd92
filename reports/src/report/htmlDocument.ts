import { escapeHtml } from './escapeHtml.js';
import { REPORT_CSS } from './reportCss.js';

/** What every report page has around its sections. */
export interface HtmlDocumentParts {
  readonly title: string;
  /** The line under the title (HTML, already escaped). */
  readonly meta: string;
  readonly sections: readonly { readonly id: string; readonly title: string; readonly content: string }[];
  readonly footer: string;
}

/**
 * A self-contained HTML page: inline CSS and SVG, no script, font, image or link — the
 * Content-Security-Policy of `default-src 'none'` refuses any request should one slip in.
 * Shared by the collector report and the comparisons (docs/report-contents.md).
 */
export function htmlDocument(parts: HtmlDocumentParts): string {
  const body = parts.sections.map(
    (s) =>
      `<section id="${s.id}" aria-labelledby="${s.id}-heading">\n<h2 id="${s.id}-heading">${escapeHtml(s.title)}</h2>\n${s.content}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="PerfAnalysis reports">
<title>${escapeHtml(parts.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(parts.title)}</h1>
<p class="meta">${parts.meta}</p>
<nav class="toc" aria-label="Sections">${parts.sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('')}</nav>
</header>
${body.join('\n')}
</main>
<footer>${escapeHtml(parts.footer)}</footer>
</body>
</html>
`;
}
