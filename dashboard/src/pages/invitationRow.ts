import type { Role } from '@perfanalysis/sdk';
import { formatDateTime } from '../charts/format.js';
import { h } from '../dom/h.js';

/** Column headings of an invitation table; the first names who the row is about (tenant or e-mail). */
export const invitationColumns = (who: string): HTMLTableSectionElement =>
  h('thead', null, h('tr', null, ...[who, 'Role', 'Expires', 'Actions'].map((l) => h('th', { scope: 'col' }, l))));

/** One invitation as a table row: who, role, expiry and its buttons; `key` marks the row for tests and styles. */
export function invitationRow(
  key: Record<string, string>,
  who: { label: string; text: string },
  invitation: { role: Role; expiresAt: string },
  ...actions: HTMLButtonElement[]
): HTMLTableRowElement {
  return h(
    'tr',
    key,
    h('td', { 'data-label': who.label }, who.text),
    h('td', { 'data-label': 'Role' }, invitation.role),
    h('td', { 'data-label': 'Expires' }, formatDateTime(invitation.expiresAt)),
    h('td', { 'data-label': 'Actions' }, h('div', { class: 'role-edit' }, ...actions)),
  );
}
