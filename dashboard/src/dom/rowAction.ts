import { whileBusy } from './busy.js';
import { h } from './h.js';
import type { MessageBox } from './messageBox.js';

export interface RowAction {
  /** `data-action` of the button (what tests and styles find it by). */
  readonly action: string;
  readonly label: string;
  readonly busyLabel: string;
  /** Extra button classes, e.g. `button-primary` or `button-danger`. */
  readonly variant?: string;
  run(): Promise<void>;
}

/** A small button of a table row: clears the message, runs once per click while busy, and shows what fails. */
export function rowAction(message: MessageBox, fail: (error: unknown) => void, action: RowAction): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: `button button-small ${action.variant ?? ''}`.trim(), 'data-action': action.action },
    action.label,
  );
  button.addEventListener('click', () => {
    message.clear();
    void whileBusy(button, action.busyLabel, () => action.run().catch(fail));
  });
  return button;
}
