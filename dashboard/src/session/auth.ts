import {
  createClient,
  type GraphQLClient,
  GraphQLRequestError,
  LoginDocument,
  LogoutDocument,
  RefreshSessionDocument,
  SwitchTenantDocument,
} from '@perfanalysis/sdk';
import { mustRefreshBeforeUse, refreshDelayMs } from './refreshPolicy.js';
import type { Session, SessionStore } from './sessionStore.js';

export interface AuthOptions {
  /** The gateway's GraphQL endpoint. */
  readonly url: string;
  readonly store: SessionStore;
  readonly fetch?: typeof fetch;
  /** Called when the server ends the session (refresh refused); the store is already empty. */
  readonly onSessionEnded?: (reason: string) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

const RETRY_AFTER_NETWORK_ERROR_MS = 10_000;

/**
 * Login, logout, tenant switch and the access token's upkeep: refreshed (rotating refresh
 * token) shortly before it expires, one refresh at a time, and once more when the gateway
 * answers 401. `client` is the SDK client every page uses.
 */
export class Auth {
  readonly client: GraphQLClient;
  private readonly anonymous: GraphQLClient;
  private readonly bearer: GraphQLClient;
  private refreshing: Promise<Session | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: AuthOptions) {
    this.now = options.now ?? Date.now;
    this.anonymous = createClient({ url: options.url, fetch: options.fetch });
    this.bearer = createClient({ url: options.url, fetch: options.fetch, token: () => options.store.get()?.accessToken });
    this.client = { request: (document, variables) => this.authenticated(() => this.bearer.request(document, variables)) };
    options.store.subscribe((session) => this.schedule(session));
    this.schedule(options.store.get());
  }

  get session(): Session | undefined {
    return this.options.store.get();
  }

  async login(email: string, password: string): Promise<Session> {
    const { login } = await this.anonymous.request(LoginDocument, { input: { email, password } });
    this.options.store.set(login);
    return login;
  }

  /** Closes the session on the server (best effort) and forgets it here. */
  async logout(): Promise<void> {
    if (this.session) await this.bearer.request(LogoutDocument, {}).catch(() => undefined);
    this.options.store.set(undefined);
  }

  async switchTenant(slug: string): Promise<Session> {
    const { switchTenant } = await this.client.request(SwitchTenantDocument, { tenant: slug });
    this.options.store.set(switchTenant);
    return switchTenant;
  }

  /** A usable access token (refreshed first when it is about to expire), or none. */
  async accessToken(): Promise<string | undefined> {
    const session = this.session;
    if (session && mustRefreshBeforeUse(session.accessTokenExpiresAt, this.now())) return (await this.refresh())?.accessToken;
    return session?.accessToken;
  }

  /** Spends the refresh token for a new pair. Concurrent callers share one request. */
  refresh(): Promise<Session | undefined> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Stops the refresh timer (the page is going away). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private async doRefresh(): Promise<Session | undefined> {
    const session = this.session;
    if (!session) return undefined;
    try {
      const { refresh } = await this.anonymous.request(RefreshSessionDocument, { refreshToken: session.refreshToken });
      // A logout or another login while the request ran wins over this answer.
      if (this.session?.refreshToken !== session.refreshToken) return this.session;
      this.options.store.set(refresh);
      return refresh;
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        if (this.session?.refreshToken === session.refreshToken) {
          this.options.store.set(undefined);
          this.options.onSessionEnded?.('Your session has ended. Please log in again.');
        }
        return undefined;
      }
      // The server could not be reached: keep the session and try again soon.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), RETRY_AFTER_NETWORK_ERROR_MS);
      return session;
    }
  }

  private async authenticated<T>(send: () => Promise<T>): Promise<T> {
    await this.accessToken();
    try {
      return await send();
    } catch (error) {
      // 401 means the gateway refused the token itself (expired, revoked): renew once.
      if (error instanceof GraphQLRequestError && error.status === 401 && this.session) {
        if (await this.refresh()) return send();
      }
      throw error;
    }
  }

  private schedule(session: Session | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!session) return;
    this.timer = setTimeout(() => void this.refresh(), refreshDelayMs(session.accessTokenExpiresAt, this.now()));
  }
}
