import { ChangePasswordDocument, MeDocument } from '@perfanalysis/sdk';
import { Auth } from '../src/session/auth.js';
import { mustRefreshBeforeUse, refreshDelayMs } from '../src/session/refreshPolicy.js';
import { type Session, SessionStore } from '../src/session/sessionStore.js';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

let counter = 0;
function session(overrides: Partial<Session> = {}, ttlMs = 15 * 60_000): Session {
  counter += 1;
  return {
    accessToken: `access-${counter}`,
    refreshToken: `refresh-${counter}`,
    accessTokenExpiresAt: new Date(Date.now() + ttlMs).toISOString(),
    role: 'ADMIN',
    user: { id: 'u1', email: 'ada@example.test', displayName: 'Ada' },
    tenant: { id: 't1', slug: 'acme', name: 'Acme' },
    ...overrides,
  };
}

interface Call {
  operation: string;
  authorization: string | undefined;
  variables: Record<string, unknown>;
}

/** A gateway stand-in: answers per operation name and records each call. */
function fakeGateway(answer: (call: Call) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>) {
  const calls: Call[] = [];
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?';
    const headers = init.headers as Record<string, string>;
    const call = { operation, authorization: headers.authorization, variables };
    calls.push(call);
    const { status = 200, body } = await answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fakeFetch, calls };
}

describe('refresh policy', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('refreshes a minute before expiry, or half-way for short tokens', () => {
    expect(refreshDelayMs('2026-11-22T12:15:00Z', now)).toBe(14 * 60_000);
    expect(refreshDelayMs('2026-11-22T12:00:30Z', now)).toBe(15_000);
    expect(refreshDelayMs('2026-11-22T11:00:00Z', now)).toBe(0);
    expect(refreshDelayMs('garbage', now)).toBe(0);
  });

  it('refreshes before use when nearly expired', () => {
    expect(mustRefreshBeforeUse('2026-11-22T12:00:03Z', now)).toBe(true);
    expect(mustRefreshBeforeUse('2026-11-22T12:05:00Z', now)).toBe(false);
  });
});

describe('Auth', () => {
  let auth: Auth | undefined;
  afterEach(() => {
    auth?.stop();
    jest.useRealTimers();
  });

  it('logs in anonymously and keeps the session in memory and sessionStorage', async () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage);
    const issued = session();
    const gw = fakeGateway(() => ({ body: { data: { login: issued } } }));
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    await auth.login('ada@example.test', 'pw');
    expect(gw.calls[0]).toMatchObject({
      operation: 'Login',
      authorization: undefined,
      variables: { input: { email: 'ada@example.test', password: 'pw' } },
    });
    expect(store.get()).toEqual(issued);
    expect(new SessionStore(storage).get()).toEqual(issued); // a reload finds it
  });

  it('shows the server’s login error as thrown', async () => {
    const gw = fakeGateway(() => ({
      body: { errors: [{ message: 'Wrong e-mail or password.', extensions: { code: 'UNAUTHENTICATED' } }] },
    }));
    auth = new Auth({ url: 'http://gw/graphql', store: new SessionStore(), fetch: gw.fetch });
    await expect(auth.login('a@b.c', 'x')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('Wrong e-mail or password.'),
    });
  });

  it('spends the refresh token once for concurrent callers (rotation would revoke a second use)', async () => {
    const store = new SessionStore();
    const first = session();
    store.set(first);
    const next = session();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gw = fakeGateway(async () => {
      await gate;
      return { body: { data: { refresh: next } } };
    });
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    const results = Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    release();
    expect(await results).toEqual([next, next, next]);
    expect(gw.calls).toHaveLength(1);
    expect(gw.calls[0]!.variables).toEqual({ refreshToken: first.refreshToken });
    expect(store.get()).toEqual(next);
  });

  it('renews an access token the gateway refuses (401) and retries the request once', async () => {
    const store = new SessionStore();
    const old = session();
    const renewed = session();
    store.set(old);
    const gw = fakeGateway((call) => {
      if (call.operation === 'RefreshSession') return { body: { data: { refresh: renewed } } };
      if (call.authorization === `Bearer ${old.accessToken}`) {
        return { status: 401, body: { errors: [{ message: 'Token revoked.', extensions: { code: 'UNAUTHENTICATED' } }] } };
      }
      return { body: { data: { me: { id: 'u1', email: 'ada@example.test', displayName: 'Ada' } } } };
    });
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    await expect(auth.client.request(MeDocument, {})).resolves.toMatchObject({ me: { id: 'u1' } });
    expect(gw.calls.map((c) => c.operation)).toEqual(['Me', 'RefreshSession', 'Me']);
    expect(gw.calls[2]!.authorization).toBe(`Bearer ${renewed.accessToken}`);
  });

  it('does not retry other errors (a mutation is not sent twice)', async () => {
    const store = new SessionStore();
    store.set(session());
    const gw = fakeGateway(() => ({ body: { errors: [{ message: 'Old password is wrong.', extensions: { code: 'UNAUTHENTICATED' } }] } }));
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    await expect(auth.client.request(ChangePasswordDocument, { oldPassword: 'a', newPassword: 'b' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(gw.calls).toHaveLength(1);
  });

  it('ends the session when the server refuses the refresh token', async () => {
    const store = new SessionStore();
    store.set(session());
    const ended = jest.fn();
    const gw = fakeGateway(() => ({ body: { errors: [{ message: 'Session closed.', extensions: { code: 'UNAUTHENTICATED' } }] } }));
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch, onSessionEnded: ended });
    await expect(auth.refresh()).resolves.toBeUndefined();
    expect(store.get()).toBeUndefined();
    expect(ended).toHaveBeenCalledWith(expect.stringMatching(/log in again/));
  });

  it('keeps the session when the server cannot be reached', async () => {
    const store = new SessionStore();
    const current = session();
    store.set(current);
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: failing });
    await expect(auth.refresh()).resolves.toEqual(current);
    expect(store.get()).toEqual(current);
  });

  it('refreshes before sending a token about to expire, and on a timer before expiry', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-22T12:00:00Z') });
    const store = new SessionStore();
    store.set(session({}, 2_000));
    const gw = fakeGateway(() => ({ body: { data: { refresh: session({}, 15 * 60_000) } } }));
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    const token = await auth.accessToken();
    expect(gw.calls.map((c) => c.operation)).toEqual(['RefreshSession']);
    expect(token).toBe(store.get()!.accessToken);
    // 14 minutes later the timer renews it once more.
    await jest.advanceTimersByTimeAsync(14 * 60_000);
    expect(gw.calls).toHaveLength(2);
  });

  it('logs out on the server and forgets the session even when that fails', async () => {
    const store = new SessionStore();
    store.set(session());
    const gw = fakeGateway(() => ({ status: 500, body: {} }));
    auth = new Auth({ url: 'http://gw/graphql', store, fetch: gw.fetch });
    await auth.logout();
    expect(gw.calls[0]!.operation).toBe('Logout');
    expect(store.get()).toBeUndefined();
  });
});

describe('SessionStore', () => {
  it('ignores a corrupt or foreign entry', () => {
    const storage = memoryStorage();
    storage.setItem('perfanalysis.session', '{not json');
    expect(new SessionStore(storage).get()).toBeUndefined();
    storage.setItem('perfanalysis.session', '{"accessToken":1}');
    expect(new SessionStore(storage).get()).toBeUndefined();
  });

  it('tells listeners about every change', () => {
    const store = new SessionStore();
    const seen: (string | undefined)[] = [];
    const stop = store.subscribe((s) => seen.push(s?.accessToken));
    const s = session();
    store.set(s);
    store.set(undefined);
    stop();
    store.set(s);
    expect(seen).toEqual([s.accessToken, undefined]);
  });
});
