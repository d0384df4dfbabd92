import {
  type CollectorFieldsFragment,
  CollectorsDocument,
  RegisterCollectorDocument,
  RevokeApiKeysDocument,
  RotateApiKeyDocument,
  SetCollectorActiveDocument,
} from '@perfanalysis/sdk';
import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { formatDateTime, formatRelative } from '../charts/format.js';
import { whileBusy } from '../dom/busy.js';
import { confirmDialog } from '../dom/confirmDialog.js';
import { h, replaceChildren } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import { Disposer, type Page } from '../dom/page.js';
import { apiKeyPanel } from './apiKeyPanel.js';
import { statusBadge } from './statusBadge.js';

function field(id: string, label: string, input: HTMLInputElement, hint?: string): HTMLElement {
  input.id = id;
  input.classList.add('input');
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null,
  );
}

/** ADMIN: register collectors (the key shown once), rotate and revoke keys, (de)activate. */
export function adminCollectorsPage(ctx: AppContext): Page {
  const disposer = new Disposer();
  const message = new MessageBox();
  const keySlot = h('div', { class: 'key-slot' });
  const body = h('tbody');

  const showKey = (machineId: string, apiKey: string, previousKeyExpiresAt?: string | null) => {
    replaceChildren(keySlot, apiKeyPanel({ machineId, apiKey, previousKeyExpiresAt, onDismiss: () => keySlot.replaceChildren() }));
  };

  const fail = (error: unknown) => {
    const { title, details } = describeError(error);
    message.show('error', title, details);
  };

  const load = async () => {
    try {
      const { collectors } = await ctx.api.request(CollectorsDocument, {});
      if (!disposer.isDisposed) renderRows([...collectors].sort((a, b) => a.machineId.localeCompare(b.machineId)));
    } catch (error) {
      if (!disposer.isDisposed) fail(error);
    }
  };

  const actionsFor = (c: CollectorFieldsFragment): HTMLElement => {
    const rotate = h('button', { type: 'button', class: 'button button-small', 'data-action': 'rotate' }, 'Rotate key');
    rotate.addEventListener('click', () => {
      void (async () => {
        if (!(await confirmDialog(`Issue a new key for ${c.machineId}? The current key keeps working for a grace period.`, 'Rotate key')))
          return;
        message.clear();
        await whileBusy(rotate, 'Rotating…', async () => {
          try {
            const { rotateApiKey } = await ctx.api.request(RotateApiKeyDocument, { collectorId: c.id });
            showKey(c.machineId, rotateApiKey.apiKey, rotateApiKey.previousKeyExpiresAt);
          } catch (error) {
            fail(error);
          }
        });
      })();
    });
    const revoke = h('button', { type: 'button', class: 'button button-small button-danger', 'data-action': 'revoke' }, 'Revoke keys');
    revoke.addEventListener('click', () => {
      void (async () => {
        if (
          !(await confirmDialog(`Revoke every key of ${c.machineId}? Its agent is refused until it gets a new key.`, 'Revoke keys', {
            danger: true,
          }))
        ) {
          return;
        }
        message.clear();
        await whileBusy(revoke, 'Revoking…', async () => {
          try {
            await ctx.api.request(RevokeApiKeysDocument, { collectorId: c.id });
            message.show('success', `Every key of ${c.machineId} is revoked. Rotate to issue a new one.`);
          } catch (error) {
            fail(error);
          }
        });
      })();
    });
    const toggle = h(
      'button',
      { type: 'button', class: 'button button-small', 'data-action': 'toggle-active' },
      c.active ? 'Deactivate' : 'Activate',
    );
    toggle.addEventListener('click', () => {
      void (async () => {
        if (
          c.active &&
          !(await confirmDialog(`Deactivate ${c.machineId}? Its keys are refused until it is activated again.`, 'Deactivate', {
            danger: true,
          }))
        ) {
          return;
        }
        message.clear();
        await whileBusy(toggle, c.active ? 'Deactivating…' : 'Activating…', async () => {
          try {
            await ctx.api.request(SetCollectorActiveDocument, { id: c.id, active: !c.active });
            message.show('success', `${c.machineId} is ${c.active ? 'deactivated' : 'active again'}.`);
          } catch (error) {
            fail(error);
          }
        });
        await load();
      })();
    });
    return h('div', { class: 'row-actions' }, rotate, revoke, toggle);
  };

  const renderRows = (collectors: readonly CollectorFieldsFragment[]) => {
    const now = Date.now();
    replaceChildren(
      body,
      ...(collectors.length === 0
        ? [h('tr', null, h('td', { colspan: '5', class: 'muted' }, 'No collectors yet: register the first one above.'))]
        : collectors.map((c) =>
            h(
              'tr',
              { 'data-machine-id': c.machineId },
              h(
                'td',
                { 'data-label': 'Machine ID' },
                h('a', { href: `#/collectors/${encodeURIComponent(c.id)}` }, h('code', null, c.machineId)),
              ),
              h('td', { 'data-label': 'Host' }, c.hostname),
              h('td', { 'data-label': 'Status' }, statusBadge(c.status)),
              h(
                'td',
                { 'data-label': 'Last seen' },
                h('span', { title: c.lastSeen ? formatDateTime(c.lastSeen) : '' }, formatRelative(c.lastSeen, now)),
              ),
              h('td', { 'data-label': 'Actions' }, actionsFor(c)),
            ),
          )),
    );
  };

  const machineId = h('input', {
    name: 'machineId',
    required: true,
    maxlength: '200',
    pattern: '[A-Za-z0-9._:\\-]{1,200}',
    autocomplete: 'off',
  });
  const hostname = h('input', { name: 'hostname', required: true, autocomplete: 'off' });
  const ip = h('input', { name: 'ip', autocomplete: 'off' });
  const platform = h('input', { name: 'platform', autocomplete: 'off', placeholder: 'linux' });
  const site = h('input', { name: 'site', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', id: 'register-submit' }, 'Register collector');
  const form = h(
    'form',
    { class: 'card form-grid', id: 'register-form', 'aria-labelledby': 'register-title', novalidate: true },
    h('h2', { id: 'register-title' }, 'Register a collector'),
    field('register-machine-id', 'Machine ID', machineId, 'Unique in this tenant: letters, digits, . - _ :'),
    field('register-hostname', 'Hostname', hostname),
    field('register-ip', 'IP address (optional)', ip),
    field('register-platform', 'Platform (optional)', platform),
    field('register-site', 'Site (optional)', site),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    if (!machineId.value.trim() || !hostname.value.trim()) {
      message.show('error', 'Machine ID and hostname are required.');
      (machineId.value.trim() ? hostname : machineId).focus();
      return;
    }
    const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
    void whileBusy(submit, 'Registering…', async () => {
      try {
        const { registerCollector } = await ctx.api.request(RegisterCollectorDocument, {
          input: {
            machineId: machineId.value.trim(),
            hostname: hostname.value.trim(),
            ip: optional(ip),
            platform: optional(platform),
            site: optional(site),
          },
        });
        form.reset();
        showKey(registerCollector.collector.machineId, registerCollector.apiKey);
        await load();
      } catch (error) {
        fail(error);
      }
    });
  });

  // Loaded on entry and after each change only: a timer would rebuild rows under the keyboard focus.
  void load();

  const element = h(
    'section',
    { class: 'page page-admin-collectors' },
    h('div', { class: 'page-header' }, h('h1', null, 'Manage collectors')),
    message.element,
    keySlot,
    form,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table table-stack', id: 'admin-collectors-table' },
        h('caption', { class: 'visually-hidden' }, 'Collectors and their keys'),
        h(
          'thead',
          null,
          h('tr', null, ...['Machine ID', 'Host', 'Status', 'Last seen', 'Actions'].map((l) => h('th', { scope: 'col' }, l))),
        ),
        body,
      ),
    ),
  );
  return { element, dispose: () => disposer.dispose() };
}
