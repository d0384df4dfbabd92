import { AlertEventsDocument, documentText, FiringAlertsPanelDocument, type FiringAlertsPanelQuery } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { formatDateTime, formatRelative, formatValue } from '../charts/format.js';
import { h, replaceChildren } from '../dom/h.js';
import type { Disposer } from '../dom/page.js';

type AlertRow = FiringAlertsPanelQuery['activeAlerts'][number];

const REFRESH_MS = 15_000;

function row(alert: AlertRow, now: number): HTMLLIElement {
  const since = alert.firedAt ?? alert.pendingAt;
  return h(
    'li',
    { class: `alert-item alert-${alert.severity.toLowerCase()}`, 'data-alert-id': alert.id, 'data-status': alert.status },
    h('span', { class: `status-badge alert-severity` }, alert.status === 'FIRING' ? alert.severity : 'PENDING'),
    ' ',
    h('strong', null, alert.ruleName),
    ' · ',
    h('a', { href: `#/collectors/${encodeURIComponent(alert.collector.id)}` }, alert.collector.hostname),
    ' · ',
    h('span', { class: 'alert-summary' }, alert.summary),
    ' ',
    h('time', { class: 'muted', datetime: since, title: formatDateTime(since) }, formatRelative(since, now)),
    alert.firedValue !== null ? h('span', { class: 'visually-hidden' }, ` value ${formatValue(alert.firedValue, '')}`) : null,
  );
}

/**
 * The tenant's pending and firing alerts, refreshed when an alert event arrives (graphql-ws)
 * and every 15 s; hidden when nothing is active.
 */
export function firingAlertsPanel(ctx: AppContext, disposer: Disposer): HTMLElement {
  const list = h('ul', { class: 'alert-list' });
  const panel = h(
    'section',
    { class: 'alerts-panel', id: 'firing-alerts', hidden: true, 'aria-live': 'polite' },
    h('h2', null, 'Active alerts'),
    list,
  );
  let loading = false;
  const load = async () => {
    if (loading) return;
    loading = true;
    try {
      const { activeAlerts } = await ctx.api.request(FiringAlertsPanelDocument, {});
      if (disposer.isDisposed) return;
      const now = Date.now();
      const ordered = [...activeAlerts].sort((a, b) => (a.status === b.status ? 0 : a.status === 'FIRING' ? -1 : 1));
      replaceChildren(list, ...ordered.map((a) => row(a, now)));
      panel.hidden = activeAlerts.length === 0;
    } catch {
      // The panel is an addition to the page: a failure leaves it as it was (the page shows its own errors).
    } finally {
      loading = false;
    }
  };
  void load();
  disposer.interval(() => void load(), REFRESH_MS);
  const stop = ctx
    .live()
    .subscribe(
      { query: documentText(AlertEventsDocument) },
      { next: () => void load(), error: () => undefined, complete: () => undefined },
    );
  disposer.add(stop);
  return panel;
}
