import { DashboardCollectorDocument, type DashboardCollectorQuery } from '@perfanalysis/sdk';
import { type AppContext, hasRole } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { formatDateTime, formatRelative } from '../charts/format.js';
import { isRangePreset, type RangePreset, resolveRange, type TimeRange } from '../charts/timeRange.js';
import { whileBusy } from '../dom/busy.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { buildHash } from '../router/matchRoute.js';
import { graphqlMetricsApi } from './collector/graphqlMetricsApi.js';
import { HISTORY_CHARTS, HistoryCharts } from './collector/historyCharts.js';
import { LiveCharts } from './collector/liveCharts.js';
import type { MetricsApi } from './collector/metricsApi.js';
import { RangePicker } from './collector/rangePicker.js';
import { reportProfileForm } from './collector/reportProfileForm.js';
import { SummaryTable } from './collector/summaryTable.js';
import { uploadForm } from './collector/uploadForm.js';
import { statusBadge } from './statusBadge.js';

type Collector = NonNullable<DashboardCollectorQuery['collector']>;

/** How often the query-fed parts of the live view are reloaded. */
const LIVE_REFRESH_MS = 15_000;

/** The range in the page's address (`?range=24h`, or `?range=custom&from=…&to=…`). */
function rangeFromQuery(query: URLSearchParams): { preset: RangePreset; range: TimeRange } {
  const preset = query.get('range');
  if (isRangePreset(preset)) {
    const range = resolveRange(preset, Date.now(), { from: query.get('from'), to: query.get('to') });
    if (range) return { preset, range };
  }
  return { preset: 'live', range: resolveRange('live', Date.now())! };
}

/** One collector: live CPU and memory, history, percentiles, export, report and upload. */
export function collectorPage(ctx: AppContext, id: string, query: URLSearchParams): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const element = h(
    'section',
    { class: 'page page-collector' },
    h('h1', null, 'Collector'),
    message.element,
    h('p', { class: 'muted' }, 'Loading…'),
  );

  void (async () => {
    let collector: Collector | null;
    try {
      ({ collector } = await ctx.api.request(DashboardCollectorDocument, { id }));
    } catch (error) {
      if (disposer.isDisposed) return;
      const { title, details } = describeError(error);
      message.show('error', title, details);
      element.querySelector('p.muted')?.remove();
      return;
    }
    if (disposer.isDisposed) return;
    if (!collector) {
      replaceChildren(
        element,
        h('h1', null, 'Collector not found'),
        h('p', null, 'It may have been removed, or it belongs to another tenant.'),
        h('a', { href: '#/' }, 'Back to the collectors'),
      );
      return;
    }
    render(ctx, collector, query, element, disposer);
  })();

  return { element, dispose: () => disposer.dispose() };
}

function render(ctx: AppContext, collector: Collector, query: URLSearchParams, element: HTMLElement, disposer: Disposer): void {
  const api = graphqlMetricsApi(ctx, collector);
  const canAnalyse = hasRole(ctx.role(), 'ANALYST');
  const message = new MessageBox();
  let { preset, range } = rangeFromQuery(query);

  const summary = new SummaryTable();
  const views = h('div', { class: 'collector-views' });
  let live: LiveCharts | undefined;
  let history: HistoryCharts | undefined;

  const reloadQueries = async () => {
    if (preset !== 'custom') range = resolveRange(preset, Date.now())!;
    await Promise.all([history?.load(range), loadSummary(api, range, summary, message)]);
  };

  const showRange = () => {
    live?.destroy();
    history?.destroy();
    live = undefined;
    if (preset === 'live') {
      live = new LiveCharts(api, (listener) => ctx.onLiveStatus(listener));
      history = new HistoryCharts(api, [HISTORY_CHARTS.disk, HISTORY_CHARTS.network], 'Last 15 minutes');
      replaceChildren(views, live.element, history.element);
      live.start();
    } else {
      history = new HistoryCharts(api, [HISTORY_CHARTS.cpu, HISTORY_CHARTS.memory, HISTORY_CHARTS.disk, HISTORY_CHARTS.network], 'History');
      replaceChildren(views, history.element);
    }
    void reloadQueries();
  };
  disposer.add(() => {
    live?.destroy();
    history?.destroy();
  });
  disposer.interval(() => {
    if (preset === 'live') void reloadQueries();
  }, LIVE_REFRESH_MS);

  const picker = new RangePicker({
    initial: preset,
    customFrom: preset === 'custom' ? range.from : undefined,
    customTo: preset === 'custom' ? range.to : undefined,
    onChange: (nextPreset, nextRange) => {
      preset = nextPreset;
      range = nextRange;
      // Keep the range in the address without re-rendering the page.
      const custom = preset === 'custom' ? { from: range.from.toISOString(), to: range.to.toISOString() } : {};
      window.history.replaceState(
        null,
        '',
        buildHash(`/collectors/${encodeURIComponent(collector.id)}`, { range: preset === 'live' ? undefined : preset, ...custom }),
      );
      showRange();
    },
  });

  const actions = h('div', { class: 'page-actions' });
  if (canAnalyse) {
    const report = h('button', { type: 'button', class: 'button', id: 'download-report' }, 'Download report');
    const exportCsv = h('button', { type: 'button', class: 'button', id: 'export-csv' }, 'Export CSV');
    if (!api.downloadReport) {
      report.disabled = true;
      report.title = 'Reports are not available from this server yet.';
    }
    report.addEventListener('click', () => {
      message.clear();
      void whileBusy(report, 'Rendering report…', async () => {
        try {
          const outcome = await api.downloadReport?.(range);
          message.show(
            'success',
            `The report (${(outcome?.points ?? 0).toLocaleString('en-US')} points) is downloading.`,
            outcome?.recommendations.slice(0, 3) ?? [],
          );
        } catch (error) {
          const { title, details } = describeError(error);
          message.show('error', title, details);
        }
      });
    });
    exportCsv.addEventListener('click', () => {
      message.clear();
      void whileBusy(exportCsv, 'Exporting…', async () => {
        try {
          const name = await api.exportCsv?.(range);
          message.show('success', `Saved ${name ?? 'the export'}.`);
        } catch (error) {
          const { title, details } = describeError(error);
          message.show('error', title, details);
        }
      });
    });
    actions.append(report, exportCsv);
  }

  const facts: [string, string | HTMLElement][] = [
    ['Machine ID', h('code', null, collector.machineId)],
    [
      'Last seen',
      h('span', { title: collector.lastSeen ? formatDateTime(collector.lastSeen) : '' }, formatRelative(collector.lastSeen, Date.now())),
    ],
    ...(collector.ip ? [['IP', collector.ip] as [string, string]] : []),
    ...(collector.platform ? [['Platform', collector.platform] as [string, string]] : []),
    ...(collector.site ? [['Site', collector.site] as [string, string]] : []),
  ];

  replaceChildren(
    element,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Collectors'), ' / ', collector.hostname),
    h('div', { class: 'page-header' }, h('h1', null, collector.hostname, ' ', statusBadge(collector.status)), actions),
    h('dl', { class: 'facts' }, ...facts.flatMap(([label, value]) => [h('div', null, h('dt', null, label), h('dd', null, value))])),
    message.element,
    picker.element,
    views,
    h(
      'section',
      { class: 'summary', 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading' }, 'Percentiles'),
      summary.element,
    ),
    canAnalyse && api.upload
      ? uploadForm({ machineId: collector.machineId, upload: api.upload.bind(api), onUploaded: () => void reloadQueries() })
      : null,
    hasRole(ctx.role(), 'ADMIN') ? reportProfileForm(ctx.api, collector.id) : null,
  );
  showRange();
}

async function loadSummary(api: MetricsApi, range: TimeRange, table: SummaryTable, message: MessageBox): Promise<void> {
  if (!api.summary) {
    table.showMessage('Percentiles are not available from this server yet.');
    return;
  }
  try {
    table.update(await api.summary(range));
  } catch (error) {
    const { title, details } = describeError(error);
    message.show('error', title, details);
  }
}
