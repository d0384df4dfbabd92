import { type Child, h } from '../dom/h.js';
import type { Page } from '../dom/page.js';

/** A page that only says something: not found, not allowed, no tenant. */
export function messagePage(title: string, text: string, ...extra: Child[]): Page {
  return { element: h('section', { class: 'page page-message' }, h('h1', null, title), h('p', null, text), ...extra) };
}
