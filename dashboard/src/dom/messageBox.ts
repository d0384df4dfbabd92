import { h, replaceChildren } from './h.js';

export type MessageKind = 'error' | 'success' | 'info' | 'warning';

/**
 * A region that shows one message (title and detail lines). Errors are announced at once
 * (role="alert"); other kinds politely (role="status").
 */
export class MessageBox {
  readonly element: HTMLDivElement = h('div', { class: 'message-box', hidden: true });

  show(kind: MessageKind, title: string, details: readonly string[] = []): void {
    this.element.className = `message-box message-${kind}`;
    this.element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    replaceChildren(
      this.element,
      h('p', { class: 'message-title' }, title),
      details.length > 0 ? h('ul', { class: 'message-details' }, ...details.map((line) => h('li', null, line))) : null,
    );
    this.element.hidden = false;
  }

  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
