import { h } from './h.js';

/**
 * A modal yes/no question in a native <dialog> (focus trapped, Escape cancels), instead of
 * window.confirm, so it is styled, keyboard-reachable and scriptable in browser tests.
 */
export function confirmDialog(question: string, confirmLabel: string, options: { danger?: boolean } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'button', value: 'cancel' }, 'Cancel');
    const confirm = h(
      'button',
      { type: 'button', class: options.danger ? 'button button-danger' : 'button button-primary', value: 'ok' },
      confirmLabel,
    );
    const dialog = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'confirm-dialog-question' },
      h('p', { id: 'confirm-dialog-question' }, question),
      h('div', { class: 'dialog-actions' }, cancel, confirm),
    );
    let answer = false;
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
