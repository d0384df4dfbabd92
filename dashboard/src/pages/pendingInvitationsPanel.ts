import { InvitationsDocument, type InvitationsQuery, RevokeInvitationDocument } from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { h, replaceChildren } from '../dom/h.js';
import type { MessageBox } from '../dom/messageBox.js';
import { rowAction } from '../dom/rowAction.js';
import { invitationColumns, invitationRow } from './invitationRow.js';

type Invitation = InvitationsQuery['invitations'][number];

/** ADMIN: the tenant's pending invitations, each revocable until the invitee answers. */
export function pendingInvitationsPanel(
  ctx: AppContext,
  message: MessageBox,
  fail: (error: unknown) => void,
): { element: HTMLElement; reload(): Promise<void> } {
  const body = h('tbody');
  const element = h(
    'div',
    { class: 'table-wrap', hidden: true },
    h(
      'table',
      { class: 'table table-stack', id: 'invitations-table' },
      h('caption', null, 'Pending invitations'),
      invitationColumns('E-mail'),
      body,
    ),
  );

  const reload = async () => {
    try {
      const pending = (await ctx.api.request(InvitationsDocument, {})).invitations.filter((i) => i.status === 'PENDING');
      replaceChildren(body, ...pending.map(row));
      element.hidden = pending.length === 0;
    } catch (error) {
      fail(error);
    }
  };

  const row = (invitation: Invitation): HTMLTableRowElement => {
    const revoke = rowAction(message, fail, {
      action: 'revoke-invitation',
      label: 'Revoke',
      busyLabel: 'Revoking…',
      variant: 'button-danger',
      run: async () => {
        await ctx.api.request(RevokeInvitationDocument, { id: invitation.id });
        message.show('success', `The invitation of ${invitation.email} is revoked.`);
        await reload();
      },
    });
    return invitationRow({ 'data-email': invitation.email }, { label: 'E-mail', text: invitation.email }, invitation, revoke);
  };

  return { element, reload };
}
