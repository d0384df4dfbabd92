import { DashboardCollectorsDocument, type DashboardCollectorsQuery } from '@perfanalysis/sdk';
import { hasRole, type AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { formatDateTime, formatRelative, formatValue } from '../charts/format.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { firingAlertsPanel } from './firingAlertsPanel.js';
import { statusBadge } from './statusBadge.js';

type CollectorRow = DashboardCollectorsQuery['collectors'][number];

const REFRESH_MS = 10_000;

function cpuOf(c: CollectorRow): number | null {
  const p = c.latestPoint;
  if (!p || (p.cpuUser === null && p.cpuSystem === null)) return null;
  return (p.cpuUser ?? 0) + (p.cpuSystem ?? 0) + (p.cpuIowait ?? 0) + (p.cpuSteal ?? 0);
}

function memoryOf(c: CollectorRow): string {
  const p = c.latestPoint;
  if (!p || p.memUsedMb === null) return '–';
  return p.memTotalMb ? `${formatValue(p.memUsedMb, 'MB')} of ${formatValue(p.memTotalMb, 'MB')}` : formatValue(p.memUsedMb, 'MB');
}

function row(c: CollectorRow, now: number): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-collector-id': c.id },
    h('td', { 'data-label': 'Status' }, statusBadge(c.status)),
    h('td', { 'data-label': 'Host' }, h('a', { href: `#/collectors/${encodeURIComponent(c.id)}`, class: 'collector-link' }, c.hostname)),
    h('td', { 'data-label': 'Machine ID' }, h('code', null, c.machineId)),
    h(
      'td',
      { 'data-label': 'Last seen' },
      h('time', { datetime: c.lastSeen ?? '', title: c.lastSeen ? formatDateTime(c.lastSeen) : '' }, formatRelative(c.lastSeen, now)),
    ),
    h('td', { 'data-label': 'CPU', class: 'numeric' }, formatValue(cpuOf(c), '%')),
    h('td', { 'data-label': 'Memory', class: 'numeric' }, memoryOf(c)),
    h('td', { 'data-label': 'Site' }, c.site ?? '–'),
  );
}

/** Every collector of the tenant with its status and last contact, refreshed every 10 s. */
export function collectorsPage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const updated = h('p', { class: 'muted', id: 'collectors-updated' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'table table-stack', id: 'collectors-table' },
    h('caption', { class: 'visually-hidden' }, 'Collectors'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['Status', 'Host', 'Machine ID', 'Last seen', 'CPU', 'Memory', 'Site'].map((label) =>
          h('th', { scope: 'col', class: label === 'CPU' || label === 'Memory' ? 'numeric' : undefined }, label),
        ),
      ),
    ),
    body,
  );
  const empty = h(
    'div',
    { class: 'empty-state', hidden: true },
    h('p', null, 'No collectors yet.'),
    hasRole(ctx.role(), 'ADMIN') ? h('a', { href: '#/admin/collectors', class: 'button button-primary' }, 'Register a collector') : null,
  );
  let collectors: CollectorRow[] | undefined;
  let loadedAt = 0;

  const tick = () => {
    const now = Date.now();
    for (const time of body.querySelectorAll('time')) {
      const text = formatRelative(time.dateTime || null, now);
      if (time.textContent !== text) time.textContent = text;
    }
    if (collectors) {
      const live = collectors.filter((c) => c.status === 'LIVE').length;
      updated.textContent = `${collectors.length} collector${collectors.length === 1 ? '' : 's'}, ${live} live · updated ${formatRelative(new Date(loadedAt).toISOString(), now)}`;
    }
  };

  const render = () => {
    if (!collectors) return;
    // Rows are rebuilt on each load: keep the keyboard focus on the same collector's link.
    const focusedId = body.contains(document.activeElement) ? document.activeElement?.closest('tr')?.dataset.collectorId : undefined;
    const now = Date.now();
    replaceChildren(body, ...collectors.map((c) => row(c, now)));
    if (focusedId) body.querySelector<HTMLElement>(`tr[data-collector-id="${CSS.escape(focusedId)}"] a`)?.focus();
    table.hidden = collectors.length === 0;
    empty.hidden = collectors.length > 0;
    tick();
  };

  const load = async () => {
    try {
      const { collectors: list } = await ctx.api.request(DashboardCollectorsDocument, {});
      if (disposer.isDisposed) return;
      collectors = [...list].sort((a, b) => a.hostname.localeCompare(b.hostname) || a.machineId.localeCompare(b.machineId));
      loadedAt = Date.now();
      message.clear();
      render();
    } catch (error) {
      if (disposer.isDisposed) return;
      const { title, details } = describeError(error);
      message.show('error', title, details);
    }
  };

  void load();
  disposer.interval(() => void load(), REFRESH_MS);
  // Between loads, keep the relative times honest.
  disposer.interval(tick, 1_000);

  const element = h(
    'section',
    { class: 'page page-collectors' },
    h('div', { class: 'page-header' }, h('h1', null, 'Collectors'), updated),
    message.element,
    firingAlertsPanel(ctx, disposer),
    h('div', { class: 'table-wrap' }, table),
    empty,
  );
  return { element, dispose: () => disposer.dispose() };
}
