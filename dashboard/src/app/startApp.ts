import { type Client } from 'graphql-ws';
import { createLiveClient, graphqlWsUrl, type LiveStatus } from '../api/liveClient.js';
import { h, replaceChildren } from '../dom/h.js';
import type { Page } from '../dom/page.js';
import { loginPage } from '../pages/loginPage.js';
import { messagePage } from '../pages/messagePage.js';
import { buildHash, matchRoute, parseHash } from '../router/matchRoute.js';
import { Auth } from '../session/auth.js';
import { SessionStore } from '../session/sessionStore.js';
import type { AppContext } from './appContext.js';
import { ADMIN_ROUTES, renderRoute, ROUTES } from './routes.js';
import { Shell } from './shell.js';

/** Mounts the dashboard in `root`: the session, the hash router, the shell and the pages. */
export function startApp(root: HTMLElement): void {
  const graphqlUrl = new URL('/graphql', window.location.href).href;
  const store = new SessionStore(window.sessionStorage);
  let endedReason: string | undefined;
  const auth = new Auth({
    url: graphqlUrl,
    store,
    onSessionEnded: (reason) => {
      endedReason = reason;
    },
  });

  let liveClient: Client | undefined;
  let liveStatus: LiveStatus = 'idle';
  const liveListeners = new Set<(status: LiveStatus) => void>();
  const setLiveStatus = (status: LiveStatus) => {
    liveStatus = status;
    for (const listener of [...liveListeners]) listener(status);
  };

  const ctx: AppContext = {
    auth,
    api: auth.client,
    graphqlUrl,
    live() {
      liveClient ??= createLiveClient({
        url: graphqlWsUrl(window.location),
        accessToken: () => auth.accessToken(),
        onStatus: setLiveStatus,
        onUnauthorized: () => void auth.refresh(),
      });
      return liveClient;
    },
    async renewLive() {
      if (!(await auth.refresh())) return false;
      // The socket keeps the identity it was opened with: open a new one with the new token.
      liveClient?.terminate();
      return true;
    },
    onLiveStatus(listener) {
      liveListeners.add(listener);
      listener(liveStatus);
      return () => liveListeners.delete(listener);
    },
    session() {
      const session = auth.session;
      if (!session) throw new Error('Not logged in.');
      return session;
    },
    role: () => auth.session?.role ?? null,
    navigate(hash) {
      if (window.location.hash === hash) route();
      else window.location.hash = hash;
    },
  };

  let current: Page | undefined;
  let shell: Shell | undefined;
  let shellKey = '';

  const show = (container: HTMLElement, page: Page) => {
    current?.dispose?.();
    current = page;
    replaceChildren(container, page.element);
  };

  function route(): void {
    const location = parseHash(window.location.hash);
    const match = matchRoute(ROUTES, location);
    const session = auth.session;
    if (!session || match?.name === 'login') {
      if (session && match?.name === 'login') {
        ctx.navigate(location.query.get('next') ?? '#/');
        return;
      }
      if (match?.name !== 'login') {
        window.location.replace(buildHash('/login', { next: location.path !== '/' ? window.location.hash : undefined }));
        return;
      }
      shell?.dispose();
      shell = undefined;
      shellKey = '';
      const notice = endedReason;
      endedReason = undefined;
      show(root, loginPage(ctx, { next: location.query.get('next') ?? undefined, notice }));
      return;
    }
    // One shell per user and tenant; switching tenant rebuilds it (and the tenant's pages).
    const key = `${session.user.id}:${session.tenant?.id ?? ''}:${session.role ?? ''}`;
    if (!shell || key !== shellKey) {
      shell?.dispose();
      shell = new Shell(ctx);
      shellKey = key;
      replaceChildren(root, shell.element);
    }
    shell.setActive(match?.name);
    if (!match) {
      show(shell.main, messagePage('Page not found', 'There is nothing at this address.', h('a', { href: '#/' }, 'Go to the collectors')));
    } else if (!session.tenant && match.name !== 'invitations') {
      show(
        shell.main,
        messagePage(
          'No tenant yet',
          'Your account does not belong to any tenant yet. Ask an ADMIN of your organisation to invite your e-mail, then accept.',
          h('a', { href: '#/invitations' }, 'Open your invitations'),
        ),
      );
    } else if (ADMIN_ROUTES.has(match.name) && session.role !== 'ADMIN') {
      show(
        shell.main,
        messagePage('Not allowed', 'This page is for ADMINs of the tenant.', h('a', { href: '#/' }, 'Go to the collectors')),
      );
    } else {
      show(shell.main, renderRoute(ctx, match as Parameters<typeof renderRoute>[1]));
    }
    shell.focusMain();
  }

  window.addEventListener('hashchange', route);
  store.subscribe((session) => {
    if (!session) {
      liveClient?.dispose();
      liveClient = undefined;
    }
    // Login, logout, tenant switch or a session ended by the server: render anew.
    const key = session ? `${session.user.id}:${session.tenant?.id ?? ''}:${session.role ?? ''}` : '';
    if (key !== shellKey) {
      liveClient?.dispose();
      liveClient = undefined;
      route();
    }
  });
  route();
}
