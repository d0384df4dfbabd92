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

/** A CSV upload with a progress bar; the server's typed errors shown as they are. */
export function uploadForm(options: UploadFormOptions): HTMLElement {
  const message = new MessageBox();
  const file = h('input', { type: 'file', id: 'upload-file', accept: '.csv,text/csv', required: true, class: 'input-file' });
  const machine = h('input', {
    type: 'text',
    id: 'upload-machine',
    class: 'input',
    value: options.machineId,
    'aria-describedby': 'upload-machine-hint',
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'upload-submit' }, 'Upload CSV');
  const cancel = h('button', { type: 'button', class: 'button', id: 'upload-cancel', hidden: true }, 'Cancel');
  const bar = h('progress', { id: 'upload-progress', max: '100', value: '0', 'aria-labelledby': 'upload-progress-text' });
  const text = h('span', { id: 'upload-progress-text', class: 'muted' });
  const progress = h('div', { class: 'upload-progress', hidden: true }, bar, text);
  let handle: UploadHandle<UploadOutcome> | undefined;

  const onProgress = (p: UploadProgress) => {
    if (p.phase === 'processing') {
      bar.removeAttribute('value'); // indeterminate while the server loads the rows
      text.textContent = `Sent ${megabytes(p.total)}; the server is loading the rows…`;
      return;
    }
    const percent = p.total > 0 ? Math.round((p.loaded / p.total) * 100) : 0;
    bar.value = percent;
    text.textContent = `${percent} % (${megabytes(p.loaded)} of ${megabytes(p.total)})`;
  };

  const form = h(
    'form',
    { class: 'card upload-form', id: 'upload-form', 'aria-labelledby': 'upload-title', novalidate: true },
    h('h2', { id: 'upload-title' }, 'Upload a CSV'),
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'CSV file'), file),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'upload-machine' }, 'Machine ID'),
      machine,
      h('small', { id: 'upload-machine-hint', class: 'hint' }, 'Used when the file has no machine_id column.'),
    ),
    h('div', { class: 'actions' }, submit, cancel),
    progress,
    message.element,
  );

  cancel.addEventListener('click', () => handle?.abort());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    message.clear();
    if (!chosen) {
      message.show('error', 'Choose a CSV file first.');
      file.focus();
      return;
    }
    submit.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    onProgress({ phase: 'sending', loaded: 0, total: chosen.size });
    void (async () => {
      try {
        handle = await options.upload(chosen, machine.value.trim() || undefined, onProgress);
        const outcome = await handle.result;
        const range = outcome.from && outcome.to ? ` from ${formatDateTime(outcome.from)} to ${formatDateTime(outcome.to)}` : '';
        message.show(
          'success',
          `Loaded ${outcome.rowsProcessed.toLocaleString('en-US')} rows${range}.`,
          [
            outcome.duplicatesSkipped > 0
              ? `${outcome.duplicatesSkipped.toLocaleString('en-US')} rows were already stored and skipped.`
              : '',
            outcome.ignoredColumns.length > 0 ? `Ignored columns: ${outcome.ignoredColumns.join(', ')}` : '',
          ].filter(Boolean),
        );
        form.reset();
        machine.value = options.machineId;
        bar.value = 100;
        text.textContent = 'Uploaded.';
        options.onUploaded?.(outcome);
      } catch (error) {
        const { title, details } = describeError(error);
        message.show('error', title, details);
        progress.hidden = true;
      } finally {
        handle = undefined;
        submit.disabled = false;
        cancel.hidden = true;
      }
    })();
  });
  return form;
}
