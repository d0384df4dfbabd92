import { formatValue } from '../../charts/format.js';
import { metricLabel } from '../../charts/metricLabels.js';
import { h, replaceChildren } from '../../dom/h.js';

/** One row of the server's `summary` (the MetricSummary type). */
export interface SummaryRow {
  readonly metric: string;
  readonly unit: string;
  readonly count: number;
  readonly min: number | null;
  readonly mean: number | null;
  readonly max: number | null;
  readonly p95: number | null;
  readonly p975: number | null;
  readonly p99: number | null;
  readonly p100: number | null;
}

const COLUMNS = [
  ['mean', 'Mean'],
  ['min', 'Min'],
  ['max', 'Max'],
  ['p95', 'p95'],
  ['p975', 'p97.5'],
  ['p99', 'p99'],
  ['p100', 'p100'],
] as const;

/** Percentile summary per metric over the chosen range. */
export class SummaryTable {
  private readonly body = h('tbody');
  readonly element: HTMLElement = h(
    'div',
    { class: 'table-wrap table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'summary-title' },
    h(
      'table',
      { class: 'table table-compact', id: 'summary-table' },
      h('caption', { id: 'summary-title', class: 'visually-hidden' }, 'Percentile summary'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Metric'),
          ...COLUMNS.map(([, label]) => h('th', { scope: 'col', class: 'numeric' }, label)),
          h('th', { scope: 'col', class: 'numeric' }, 'Samples'),
        ),
      ),
      this.body,
    ),
  );

  /** A row saying why there are no figures. */
  showMessage(text: string): void {
    replaceChildren(this.body, h('tr', null, h('td', { colspan: String(COLUMNS.length + 2), class: 'muted' }, text)));
  }

  update(rows: readonly SummaryRow[]): void {
    const shown = rows.filter((r) => r.count > 0);
    replaceChildren(
      this.body,
      ...(shown.length === 0
        ? [h('tr', null, h('td', { colspan: String(COLUMNS.length + 2), class: 'muted' }, 'No data in this range.'))]
        : shown.map((r) =>
            h(
              'tr',
              { 'data-metric': r.metric },
              h('th', { scope: 'row' }, metricLabel(r.metric), r.unit ? h('span', { class: 'muted' }, ` (${r.unit})`) : null),
              ...COLUMNS.map(([key]) => h('td', { class: 'numeric' }, formatValue(r[key], r.unit))),
              h('td', { class: 'numeric' }, r.count.toLocaleString('en-US')),
            ),
          )),
    );
  }
}
