/**
 * The report's only stylesheet, inlined: system fonts (no web font to fetch), one column for
 * screen, A4 pages for print with each section on a new page and no chart split across two.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #222; --muted: #555; --line: #dcdfe4; --accent: #4e79a7; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--text); background: #f3f5f8; }
main { max-width: 1010px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 15px; margin: 0 0 4px; }
p { margin: 0 0 8px; }
.meta { color: var(--muted); margin: 0; }
nav.toc { margin: 12px 0 20px; font-size: 13px; }
nav.toc a { color: var(--accent); margin-right: 12px; text-decoration: none; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 0 0 20px; }
figure.chart { margin: 0 0 16px; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; margin: 0 0 16px; padding: 0; }
.figures div { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; }
.figures dt { color: var(--muted); font-size: 12px; }
.figures dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.figures dd small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 13px; }
caption { text-align: left; color: var(--muted); font-size: 12px; padding-bottom: 6px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #edf0f3; text-align: right; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
th:first-child, td:first-child, .text { text-align: left; }
tbody th { color: var(--text); font-weight: 500; }
tbody th small { color: var(--muted); font-weight: 400; }
.time { white-space: nowrap; }
tbody tr:nth-child(odd) { background: #f8f9fb; }
.severity { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.severity-critical { background: #fde2e1; color: #9b1c1c; }
.severity-warning { background: #fff0d1; color: #7a4d00; }
.severity-info { background: #e3eefb; color: #1d4f91; }
.recommendation { border-left: 4px solid var(--line); padding: 6px 12px; margin: 0 0 12px; }
.recommendation.critical { border-color: #e15759; }
.recommendation.warning { border-color: #f2b447; }
.recommendation .finding { font-weight: 600; }
.findings { margin: 0 0 8px; padding-left: 20px; }
.quiet { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
.data-quality { border-left: 3px solid #b54708; padding: 4px 12px; margin-top: 12px; font-size: 13px; }
ul.rules { columns: 2; font-size: 13px; padding-left: 20px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px 0 24px; }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { border: none; border-radius: 0; padding: 0; margin: 0; break-before: page; }
  section:first-of-type { break-before: auto; }
  figure.chart, .recommendation, tr, .figures div { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
