import { h } from '../dom/h.js';
import { formatDateTime } from '../charts/format.js';

/** Copies text to the clipboard; falls back to selecting the field where the API is missing (plain http). */
async function copyText(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/**
 * The API key of a registration or rotation, shown exactly once: a read-only field, a copy
 * button and a warning that it cannot be shown again. Dismissing removes it from the page.
 */
export function apiKeyPanel(options: {
  machineId: string;
  apiKey: string;
  previousKeyExpiresAt?: string | null;
  onDismiss: () => void;
}): HTMLElement {
  const field = h('input', {
    id: 'api-key-value',
    class: 'input input-mono',
    readonly: true,
    value: options.apiKey,
    'aria-describedby': 'api-key-warning',
  });
  const status = h('span', { class: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'button button-primary', id: 'api-key-copy' }, 'Copy key');
  copy.addEventListener('click', () => {
    void copyText(options.apiKey, field).then((ok) => {
      status.textContent = ok ? 'Copied.' : 'Select the key and copy it by hand.';
    });
  });
  field.addEventListener('focus', () => field.select());
  const done = h('button', { type: 'button', class: 'button', id: 'api-key-dismiss' }, 'I have stored the key');
  done.addEventListener('click', () => {
    field.value = '';
    panel.remove();
    options.onDismiss();
  });
  const panel = h(
    'section',
    { class: 'key-panel', 'aria-labelledby': 'api-key-title', id: 'api-key-panel' },
    h('h2', { id: 'api-key-title' }, `API key for ${options.machineId}`),
    h(
      'p',
      { class: 'warning', id: 'api-key-warning' },
      'This key is shown once and cannot be retrieved later. Copy it now into the agent’s configuration (PCC_APIKEY).',
    ),
    options.previousKeyExpiresAt
      ? h('p', null, `The previous key keeps working until ${formatDateTime(options.previousKeyExpiresAt)}.`)
      : null,
    h('label', { for: 'api-key-value', class: 'visually-hidden' }, 'API key'),
    h('div', { class: 'key-row' }, field, copy),
    status,
    h('div', { class: 'actions' }, done),
  );
  queueMicrotask(() => field.focus());
  return panel;
}
