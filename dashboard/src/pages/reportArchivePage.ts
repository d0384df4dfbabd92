import { ReportArchiveDocument, ReportArchiveDownloadDocument, type ReportArchiveQuery } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { saveUrl } from '../api/downloadFile.js';
import { formatDateTime } from '../charts/format.js';
import { whileBusy } from '../dom/busy.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';

type Entry = ReportArchiveQuery['reportArchive'][number];

/** The collector a report is about, or a fleet comparison's machines. */
function subject(entry: Entry): string {
  return entry.kind === 'FLEET' ? `Fleet of ${entry.machineIds.length}: ${entry.machineIds.join(', ')}` : (entry.machineId ?? '—');
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * ANALYST: the report gallery — documents the tenant's report schedules rendered, newest
 * first, with who (the schedule's creator), what (schedule, collector or fleet, window, format) and
 * when (rendered, kept until); each downloads through a fresh short-lived link
 * (docs/report-schedules.md).
 */
export function reportArchivePage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const body = h('tbody');
  const empty = h(
    'p',
    { class: 'empty-state', id: 'archive-empty', hidden: true },
    'No archived reports yet. Report schedules (set up by an ADMIN) fill this gallery each time they run.',
  );

  const fail = (error: unknown) => {
    const { title, details } = describeError(error);
    message.show('error', title, details);
  };

  const download = (entry: Entry, button: HTMLButtonElement) =>
    whileBusy(button, 'Preparing…', async () => {
      try {
        const { reportArchiveDownload } = await ctx.api.request(ReportArchiveDownloadDocument, { id: entry.id });
        saveUrl(reportArchiveDownload.downloadUrl, entry.fileName);
      } catch (error) {
        fail(error);
      }
    });

  const row = (entry: Entry): HTMLTableRowElement => {
    const button = h('button', { type: 'button', class: 'button button-small', 'data-action': 'download' }, 'Download');
    button.addEventListener('click', () => void download(entry, button));
    return h(
      'tr',
      { 'data-archive-id': entry.id },
      h(
        'td',
        { 'data-label': 'Report' },
        h('span', { class: 'member-name' }, entry.scheduleName),
        h('br'),
        h('span', { class: 'muted' }, entry.fileName),
      ),
      h('td', { 'data-label': 'Collector' }, subject(entry)),
      h('td', { 'data-label': 'Window' }, `${formatDateTime(entry.from)} – ${formatDateTime(entry.to)}`),
      h('td', { 'data-label': 'Format' }, `${entry.format} · ${size(entry.bytes)}`),
      h('td', { 'data-label': 'Rendered' }, formatDateTime(entry.createdAt)),
      h('td', { 'data-label': 'By' }, entry.createdBy ?? '—'),
      h('td', { 'data-label': 'Kept until' }, formatDateTime(entry.expiresAt)),
      h('td', { 'data-label': 'Actions' }, button),
    );
  };

  const load = async () => {
    try {
      const { reportArchive } = await ctx.api.request(ReportArchiveDocument, { limit: 200 });
      if (disposer.isDisposed) return;
      replaceChildren(body, ...reportArchive.map(row));
      empty.hidden = reportArchive.length > 0;
    } catch (error) {
      if (!disposer.isDisposed) fail(error);
    }
  };
  void load();

  const columns = ['Report', 'Collector', 'Window', 'Format', 'Rendered', 'By', 'Kept until', 'Actions'];
  const element = h(
    'section',
    { class: 'page page-report-archive' },
    h('div', { class: 'page-header' }, h('h1', null, 'Report archive')),
    message.element,
    empty,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table table-stack', id: 'archive-table' },
        h('caption', { class: 'visually-hidden' }, 'Archived reports of this tenant'),
        h('thead', null, h('tr', null, ...columns.map((label) => h('th', { scope: 'col' }, label)))),
        body,
      ),
    ),
  );
  return { element, dispose: () => disposer.dispose() };
}
