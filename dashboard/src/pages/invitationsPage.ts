import { AcceptInvitationDocument, DeclineInvitationDocument, MyInvitationsDocument, type MyInvitationsQuery } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { rowAction } from '../dom/rowAction.js';
import { invitationColumns, invitationRow } from './invitationRow.js';

type Pending = MyInvitationsQuery['myInvitations'][number];

/** Invitations addressed to your e-mail: accepting joins the tenant and switches to it (docs/tenancy.md "Invitations"). */
export function invitationsPage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const body = h('tbody');
  const empty = h('p', { class: 'muted', id: 'invitations-empty', hidden: true }, 'No pending invitations.');

  const fail = (error: unknown) => {
    const { title, details } = describeError(error);
    message.show('error', title, details);
  };

  const load = async () => {
    try {
      const { myInvitations } = await ctx.api.request(MyInvitationsDocument, {});
      if (disposer.isDisposed) return;
      replaceChildren(body, ...myInvitations.map(row));
      empty.hidden = myInvitations.length > 0;
    } catch (error) {
      if (!disposer.isDisposed) fail(error);
    }
  };

  const row = (invitation: Pending): HTMLTableRowElement => {
    const accept = rowAction(message, fail, {
      action: 'accept',
      label: 'Accept',
      busyLabel: 'Joining…',
      variant: 'button-primary',
      run: async () => {
        await ctx.api.request(AcceptInvitationDocument, { id: invitation.id });
        await ctx.auth.switchTenant(invitation.tenantSlug);
        ctx.navigate('#/');
      },
    });
    const decline = rowAction(message, fail, {
      action: 'decline',
      label: 'Decline',
      busyLabel: 'Declining…',
      run: async () => {
        await ctx.api.request(DeclineInvitationDocument, { id: invitation.id });
        message.show('success', `You declined the invitation to ${invitation.tenantName}.`);
        await load();
      },
    });
    return invitationRow(
      { 'data-tenant': invitation.tenantSlug },
      { label: 'Tenant', text: invitation.tenantName },
      invitation,
      accept,
      decline,
    );
  };

  void load();

  const element = h(
    'section',
    { class: 'page page-invitations' },
    h('div', { class: 'page-header' }, h('h1', null, 'Invitations')),
    message.element,
    empty,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table table-stack', id: 'my-invitations-table' },
        h('caption', { class: 'visually-hidden' }, 'Invitations to tenants'),
        invitationColumns('Tenant'),
        body,
      ),
    ),
  );
  return { element, dispose: () => disposer.dispose() };
}
