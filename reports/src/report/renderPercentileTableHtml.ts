import type { ReportData } from '../data/prepareReportData.js';
import { PERCENTILE_TABLE_COLUMNS } from '../charts/renderPercentileTable.js';
import { formatFigure } from '../format/formatFigure.js';
import { percentileTableRows } from '../stats/percentileTableRows.js';
import { escapeHtml } from './escapeHtml.js';

/** The percentile table as HTML: selectable, copyable, and it paginates when printed. */
export function renderPercentileTableHtml(data: ReportData): string {
  const rows = percentileTableRows(data);
  if (rows.length === 0) return '<p class="quiet">No metric data in this window.</p>';
  const head = PERCENTILE_TABLE_COLUMNS.map((c) => `<th scope="col">${c.label}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row" class="text">${escapeHtml(row.label)} <small>(${row.key})</small></th><td class="text">${escapeHtml(row.unit)}</td>` +
        PERCENTILE_TABLE_COLUMNS.map((c) => `<td>${formatFigure(row.summary[c.key], '')}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return (
    `<table class="percentiles"><caption>Percentiles over ${data.time.length.toLocaleString('en-US')} samples ` +
    "(linear interpolation between the two nearest ranks, as the dashboard's summary).</caption>" +
    `<thead><tr><th scope="col" class="text">Metric</th><th scope="col" class="text">Unit</th>${head}</tr></thead>` +
    `<tbody>\n${body}\n</tbody></table>`
  );
}
