import { describeError } from '../../api/describeError.js';
import type { UploadHandle, UploadProgress } from '../../api/uploadMultipart.js';
import { formatDateTime, formatValue } from '../../charts/format.js';
import { h } from '../../dom/h.js';
import { MessageBox } from '../../dom/messageBox.js';

/** What the server answers an upload (the UploadResult type). */
export interface UploadOutcome {
  readonly rowsProcessed: number;
  readonly duplicatesSkipped: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly ignoredColumns: readonly string[];
  readonly machines?: readonly string[];
}

export interface UploadFormOptions {
  /** Pre-filled machine ID, for files without a machine_id column. */
  readonly machineId: string;
  /** Sends one file (CSV or pcc collection); the form sends many one after the other. */
  readonly upload: (
    file: File,
    machineId: string | undefined,
    onProgress: (p: UploadProgress) => void,
  ) => Promise<UploadHandle<UploadOutcome>>;
  /** After a successful upload (e.g. reload the charts). */
  readonly onUploaded?: (outcome: UploadOutcome) => void;
}

function megabytes(bytes: number): string {
  return formatValue(bytes / 1_048_576, 'MB');
}

/** How a batch of files went: the outcome of each stored file, the error of each refused one. */
interface BatchResult {
  readonly stored: { file: File; outcome: UploadOutcome }[];
  readonly refused: { file: File; error: unknown }[];
}

function rows(n: number): string {
  return n.toLocaleString('en-US');
}

/** One file: the server's own words; several: a total and a line per file. */
function showResult(message: MessageBox, { stored, refused }: BatchResult): void {
  if (refused.length > 0) {
    const title =
      stored.length + refused.length === 1
        ? describeError(refused[0]!.error).title
        : `${refused.length} of ${stored.length + refused.length} files were not stored.`;
    const details =
      stored.length + refused.length === 1
        ? describeError(refused[0]!.error).details
        : refused.map(({ file, error }) => {
            const { title: why, details: more } = describeError(error);
            return `${file.name}: ${[why, ...more].join(' ')}`;
          });
    message.show('error', title, [
      ...details,
      ...stored.map(({ file, outcome }) => `${file.name}: loaded ${rows(outcome.rowsProcessed)} rows.`),
    ]);
    return;
  }
  if (stored.length === 1) {
    const { outcome } = stored[0]!;
    const range = outcome.from && outcome.to ? ` from ${formatDateTime(outcome.from)} to ${formatDateTime(outcome.to)}` : '';
    message.show('success', `Loaded ${rows(outcome.rowsProcessed)} rows${range}.`, notesOf(outcome));
    return;
  }
  const total = stored.reduce((sum, s) => sum + s.outcome.rowsProcessed, 0);
  message.show(
    'success',
    `Loaded ${rows(total)} rows from ${stored.length} files.`,
    stored.flatMap(({ file, outcome }) => [`${file.name}: ${rows(outcome.rowsProcessed)} rows.`, ...notesOf(outcome)]),
  );
}

function notesOf(outcome: UploadOutcome): string[] {
  return [
    outcome.duplicatesSkipped > 0 ? `${rows(outcome.duplicatesSkipped)} rows were already stored and skipped.` : '',
    outcome.ignoredColumns.length > 0 ? `Ignored columns: ${outcome.ignoredColumns.join(', ')}` : '',
  ].filter(Boolean);
}

/** One bar over the bytes of every chosen file; indeterminate while the server loads the last one. */
function progressView(bar: HTMLProgressElement, text: HTMLElement, files: readonly File[]) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return (index: number, p: UploadProgress): void => {
    const before = files.slice(0, index).reduce((sum, f) => sum + f.size, 0);
    const which = files.length > 1 ? `file ${index + 1} of ${files.length}: ` : '';
    if (p.phase === 'processing' && index === files.length - 1) {
      bar.removeAttribute('value');
      text.textContent = `Sent ${megabytes(total)}; the server is loading ${files.length > 1 ? 'the last file' : 'the rows'}…`;
      return;
    }
    // The request carries the multipart framing too: its share sent, applied to the file's own size.
    const share = p.phase === 'processing' || p.total <= 0 ? 1 : Math.min(1, p.loaded / p.total);
    const sent = before + Math.round(files[index]!.size * share);
    const percent = total > 0 ? Math.round((sent / total) * 100) : 0;
    bar.value = percent;
    text.textContent = `${which}${percent} % (${megabytes(sent)} of ${megabytes(total)})`;
  };
}

/**
 * Metrics CSV files and pcc collections, many at once, one after the other under one progress
 * bar; each file is stored whole or not at all, and a refused one does not stop the rest.
 */
export function uploadForm(options: UploadFormOptions): HTMLElement {
  const message = new MessageBox();
  const file = h('input', {
    type: 'file',
    id: 'upload-file',
    accept: '.csv,text/csv,.json,.ndjson,.jsonl,application/json',
    multiple: true,
    required: true,
    class: 'input-file',
  });
  const machine = h('input', {
    type: 'text',
    id: 'upload-machine',
    class: 'input',
    value: options.machineId,
    'aria-describedby': 'upload-machine-hint',
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'upload-submit' }, 'Upload');
  const cancel = h('button', { type: 'button', class: 'button', id: 'upload-cancel', hidden: true }, 'Cancel');
  const bar = h('progress', { id: 'upload-progress', max: '100', value: '0', 'aria-labelledby': 'upload-progress-text' });
  const text = h('span', { id: 'upload-progress-text', class: 'muted' });
  const progress = h('div', { class: 'upload-progress', hidden: true }, bar, text);
  let handle: UploadHandle<UploadOutcome> | undefined;
  let cancelled = false;

  const form = h(
    'form',
    { class: 'card upload-form', id: 'upload-form', 'aria-labelledby': 'upload-title', novalidate: true },
    h('h2', { id: 'upload-title' }, 'Upload metrics'),
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'CSV files or pcc collections'), file),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'upload-machine' }, 'Machine ID'),
      machine,
      h('small', { id: 'upload-machine-hint', class: 'hint' }, 'Used when a CSV has no machine_id column, and for pcc collections.'),
    ),
    h('div', { class: 'actions' }, submit, cancel),
    progress,
    message.element,
  );

  const send = async (chosen: File[]): Promise<BatchResult> => {
    const result: BatchResult = { stored: [], refused: [] };
    const show = progressView(bar, text, chosen);
    for (const [index, one] of chosen.entries()) {
      if (cancelled) break;
      try {
        handle = await options.upload(one, machine.value.trim() || undefined, (p) => show(index, p));
        result.stored.push({ file: one, outcome: await handle.result });
      } catch (error) {
        result.refused.push({ file: one, error });
        // A cancelled request ends the batch; a refused file does not.
        if (error instanceof DOMException && error.name === 'AbortError') break;
      }
    }
    return result;
  };

  cancel.addEventListener('click', () => {
    cancelled = true;
    handle?.abort();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = [...(file.files ?? [])];
    message.clear();
    if (chosen.length === 0) {
      message.show('error', 'Choose one or more files first.');
      file.focus();
      return;
    }
    submit.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    cancelled = false;
    progressView(bar, text, chosen)(0, { phase: 'sending', loaded: 0, total: chosen[0]!.size });
    void send(chosen).then((result) => {
      showResult(message, result);
      handle = undefined;
      submit.disabled = false;
      cancel.hidden = true;
      if (result.refused.length > 0 && result.stored.length === 0) {
        progress.hidden = true;
        return;
      }
      form.reset();
      machine.value = options.machineId;
      bar.value = 100;
      const count = result.stored.length + result.refused.length;
      text.textContent = result.refused.length > 0 ? `${result.stored.length} of ${count} files stored.` : 'Uploaded.';
      // Once for the batch: the charts reload once, with every stored file in them.
      const last = result.stored.at(-1);
      if (last) options.onUploaded?.(last.outcome);
    });
  });
  return form;
}
