import type { AppContext } from '../app/appContext.js';
import { describeError } from '../api/describeError.js';
import { h } from '../dom/h.js';
import { MessageBox } from '../dom/messageBox.js';
import type { Page } from '../dom/page.js';

export interface LoginPageOptions {
  /** Where to go after logging in (a hash). */
  readonly next?: string;
  /** Why the user is here again, e.g. the session ended. */
  readonly notice?: string;
}

/** E-mail and password; the server's errors (wrong password, rate limit) shown as they are. */
export function loginPage(ctx: AppContext, options: LoginPageOptions = {}): Page {
  const message = new MessageBox();
  if (options.notice) message.show('info', options.notice);
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true, class: 'input' });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    class: 'input',
  });
  const submit = h('button', { id: 'login-submit', type: 'submit', class: 'button button-primary button-block' }, 'Log in');
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    h('div', { class: 'login-brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'PerfAnalysis'),
    h('h1', { id: 'login-title' }, 'Log in'),
    message.element,
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      message.show('error', 'Enter your e-mail and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    message.clear();
    // On success the session store's listener renders the next page (`next`, else the collectors).
    ctx.auth.login(email.value.trim(), password.value).catch((error: unknown) => {
      const { title, details } = describeError(error);
      message.show('error', title, details);
      password.value = '';
      password.focus();
      submit.disabled = false;
      submit.textContent = 'Log in';
    });
  });
  queueMicrotask(() => email.focus());
  return { element: h('section', { class: 'page page-login' }, form) };
}
