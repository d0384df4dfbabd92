import { GrantRoleDocument, MembersDocument, type MembersQuery, RevokeMembershipDocument, type Role } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { formatDateTime } from '../charts/format.js';
import { whileBusy } from '../dom/busy.js';
import { confirmDialog } from '../dom/confirmDialog.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { pendingInvitationsPanel } from './pendingInvitationsPanel.js';

type Member = MembersQuery['members'][number];

const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'VIEWER'];

const ROLE_HINTS: Record<Role, string> = {
  ADMIN: 'users, collectors, keys and everything below',
  ANALYST: 'all data, reports, export',
  VIEWER: 'dashboards only',
};

function roleSelect(id: string, selected: Role, label: string): HTMLSelectElement {
  return h(
    'select',
    { id, class: 'select', 'aria-label': label },
    ...ROLES.map((role) => h('option', { value: role, selected: role === selected }, `${role} — ${ROLE_HINTS[role]}`)),
  );
}

/** ADMIN: the tenant's members and pending invitations; granting a role by e-mail (a member's changes, anyone else is invited). */
export function adminUsersPage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const body = h('tbody');
  const me = ctx.session().user.id;

  const fail = (error: unknown) => {
    const { title, details } = describeError(error);
    message.show('error', title, details);
  };

  const invitations = pendingInvitationsPanel(ctx, message, (error) => {
    if (!disposer.isDisposed) fail(error);
  });

  const load = async () => {
    void invitations.reload();
    try {
      const { members } = await ctx.api.request(MembersDocument, {});
      if (!disposer.isDisposed) renderRows([...members].sort((a, b) => a.user.email.localeCompare(b.user.email)));
    } catch (error) {
      if (!disposer.isDisposed) fail(error);
    }
  };

  const grant = async (email: string, role: Role) => {
    const { grantRole } = await ctx.api.request(GrantRoleDocument, { email, role });
    if (grantRole.membership) message.show('success', `${grantRole.membership.user.email} is now ${grantRole.membership.role}.`);
    else message.show('success', `Invited ${email} as ${role}: they join once they accept, after logging in with that e-mail.`);
    await load();
  };

  const memberRow = (m: Member): HTMLTableRowElement => {
    const id = `role-${m.user.id}`;
    const select = roleSelect(id, m.role, `Role of ${m.user.email}`);
    const save = h('button', { type: 'button', class: 'button button-small', 'data-action': 'change-role' }, 'Change role');
    save.addEventListener('click', () => {
      const role = select.value as Role;
      if (role === m.role) return;
      message.clear();
      void whileBusy(save, 'Saving…', () => grant(m.user.email, role).catch(fail));
    });
    const revoke = h('button', { type: 'button', class: 'button button-small button-danger', 'data-action': 'revoke' }, 'Remove');
    revoke.addEventListener('click', () => {
      void (async () => {
        const self = m.user.id === me ? ' You will lose access to this tenant.' : '';
        if (!(await confirmDialog(`Remove ${m.user.email} from this tenant?${self}`, 'Remove', { danger: true }))) return;
        message.clear();
        await whileBusy(revoke, 'Removing…', async () => {
          try {
            await ctx.api.request(RevokeMembershipDocument, { userId: m.user.id });
            message.show('success', `${m.user.email} no longer belongs to this tenant.`);
            await load();
          } catch (error) {
            fail(error);
          }
        });
      })();
    });
    return h(
      'tr',
      { 'data-email': m.user.email },
      h(
        'td',
        { 'data-label': 'User' },
        h('span', { class: 'member-name' }, m.user.displayName),
        h('br'),
        h('span', { class: 'muted' }, m.user.email),
      ),
      h('td', { 'data-label': 'Role' }, h('div', { class: 'role-edit' }, select, save)),
      h('td', { 'data-label': 'Member since' }, formatDateTime(m.since)),
      h('td', { 'data-label': 'Actions' }, revoke),
    );
  };

  const renderRows = (members: readonly Member[]) => replaceChildren(body, ...members.map(memberRow));

  const email = h('input', { id: 'grant-email', type: 'email', class: 'input', required: true, autocomplete: 'off' });
  const role = roleSelect('grant-role', 'VIEWER', 'Role');
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'grant-submit' }, 'Grant role');
  const form = h(
    'form',
    { class: 'card form-grid', id: 'grant-form', 'aria-labelledby': 'grant-title', novalidate: true },
    h('h2', { id: 'grant-title' }, 'Grant a role'),
    h('p', { class: 'muted form-wide' }, 'Granting to a member changes their role; anyone else is invited and joins on accepting.'),
    h('div', { class: 'field' }, h('label', { for: 'grant-email' }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: 'grant-role' }, 'Role'), role),
    h('div', { class: 'actions' }, submit),
  );
  role.removeAttribute('aria-label');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    if (!email.value.trim()) {
      message.show('error', 'Enter an e-mail address.');
      email.focus();
      return;
    }
    void whileBusy(submit, 'Granting…', async () => {
      try {
        await grant(email.value.trim(), role.value as Role);
        form.reset();
      } catch (error) {
        fail(error);
      }
    });
  });

  void load();

  const element = h(
    'section',
    { class: 'page page-admin-users' },
    h('div', { class: 'page-header' }, h('h1', null, 'Users & roles')),
    message.element,
    form,
    invitations.element,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table table-stack', id: 'members-table' },
        h('caption', { class: 'visually-hidden' }, 'Members of this tenant'),
        h('thead', null, h('tr', null, ...['User', 'Role', 'Member since', 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
        body,
      ),
    ),
  );
  return { element, dispose: () => disposer.dispose() };
}
