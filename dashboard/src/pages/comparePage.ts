import { CompareReportDocument, type CompareReportQuery, DashboardCollectorsDocument, type ReportFormat } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { saveUrl } from '../api/downloadFile.js';
import { toDateTimeLocal } from '../charts/timeRange.js';
import { whileBusy } from '../dom/busy.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { compareInput, type CompareFormValues } from './compare/compareInput.js';

const HOUR = 3_600_000;

/** What the answer found, one line each: verdicts of a before/after, outliers of a fleet. */
function findings(answer: CompareReportQuery['compareReport'], names: ReadonlyMap<string, string>): string[] {
  if (answer.kind === 'FLEET') {
    return answer.outliers.map((o) => `${names.get(o.collector.id) ?? o.collector.id}: ${o.metric} p95 ${o.value.toFixed(1)} (${o.side})`);
  }
  return answer.changes
    .filter((c) => c.verdict !== 'NO_CLEAR_CHANGE')
    .map((c) => `${c.metric} ${c.statistic} ${c.verdict.toLowerCase()} (${c.change! > 0 ? '+' : ''}${c.change!.toFixed(2)})`);
}

function windowFields(id: string, legend: string, from: Date, to: Date) {
  const fromInput = h('input', { type: 'datetime-local', id: `${id}-from`, class: 'input', value: toDateTimeLocal(from) });
  const toInput = h('input', { type: 'datetime-local', id: `${id}-to`, class: 'input', value: toDateTimeLocal(to) });
  const element = h(
    'fieldset',
    { class: 'field-group' },
    h('legend', null, legend),
    h('div', { class: 'field' }, h('label', { for: `${id}-from` }, 'From'), fromInput),
    h('div', { class: 'field' }, h('label', { for: `${id}-to` }, 'To'), toInput),
  );
  return {
    element,
    value: () => ({ from: fromInput.value, to: toInput.value }),
    clear: () => ((fromInput.value = ''), (toInput.value = '')),
  };
}

/**
 * Compare collectors (ANALYST): a before/after of one collector's two windows or two collectors,
 * or a fleet of up to 100 over one window, rendered on the server as HTML, SVG or PDF and
 * downloaded (docs/report-comparisons.md).
 */
export function comparePage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const now = Date.now();
  const kind = h(
    'select',
    { id: 'compare-kind', class: 'input' },
    h('option', { value: 'BEFORE_AFTER' }, 'Before/after'),
    h('option', { value: 'FLEET' }, 'Fleet'),
  );
  const format = h(
    'select',
    { id: 'compare-format', class: 'input' },
    ...(['HTML', 'PDF', 'SVG'] as const).map((f) => h('option', { value: f }, f)),
  );
  const list = h('div', { class: 'compare-collectors', id: 'compare-collectors', role: 'group', 'aria-label': 'Collectors' });
  const first = windowFields('compare-first', 'Window (before, or the fleet’s)', new Date(now - 2 * 24 * HOUR), new Date(now - 24 * HOUR));
  const second = windowFields(
    'compare-second',
    'Second window (after; optional for two collectors)',
    new Date(now - 24 * HOUR),
    new Date(now),
  );
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'compare-submit' }, 'Compare');
  const names = new Map<string, string>();
  kind.addEventListener('change', () => {
    second.element.hidden = kind.value === 'FLEET';
  });

  const form = h(
    'form',
    { class: 'compare-form', id: 'compare-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'compare-kind' }, 'Comparison'), kind),
    list,
    first.element,
    second.element,
    h('div', { class: 'field' }, h('label', { for: 'compare-format' }, 'Format'), format),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    const values: CompareFormValues = {
      kind: kind.value as CompareFormValues['kind'],
      collectorIds: [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value),
      first: first.value(),
      second: kind.value === 'FLEET' ? { from: '', to: '' } : second.value(),
      format: format.value as ReportFormat,
    };
    const checked = compareInput(values);
    if ('error' in checked) return message.show('error', checked.error);
    void whileBusy(submit, 'Rendering…', async () => {
      try {
        const { compareReport } = await ctx.api.request(CompareReportDocument, checked);
        saveUrl(new URL(compareReport.downloadUrl, window.location.origin).href);
        message.show(
          'success',
          `The comparison (${compareReport.points.toLocaleString('en-US')} points) is downloading.`,
          findings(compareReport, names),
        );
      } catch (error) {
        const { title, details } = describeError(error);
        message.show('error', title, details);
      }
    });
  });

  void (async () => {
    try {
      const { collectors } = await ctx.api.request(DashboardCollectorsDocument, {});
      if (disposer.isDisposed) return;
      const sorted = [...collectors].sort((a, b) => a.hostname.localeCompare(b.hostname));
      for (const c of sorted) names.set(c.id, c.hostname);
      replaceChildren(
        list,
        ...sorted.map((c) =>
          h(
            'label',
            { class: 'checkbox' },
            h('input', { type: 'checkbox', value: c.id, 'data-machine-id': c.machineId }),
            ` ${c.hostname} `,
            h('code', null, c.machineId),
          ),
        ),
      );
    } catch (error) {
      const { title, details } = describeError(error);
      message.show('error', title, details);
    }
  })();

  const element = h(
    'section',
    { class: 'page page-compare' },
    h('div', { class: 'page-header' }, h('h1', null, 'Compare')),
    h(
      'p',
      { class: 'muted' },
      'Before/after: one collector over two windows, or two collectors (old and new). Fleet: up to 100 collectors over one window. ' +
        'Verdicts are printed only where the bootstrap 95 % interval excludes zero.',
    ),
    message.element,
    form,
  );
  return { element, dispose: () => disposer.dispose() };
}
