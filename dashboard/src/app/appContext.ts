import type { GraphQLClient, Role } from '@perfanalysis/sdk';
import type { Client } from 'graphql-ws';
import type { LiveStatus } from '../api/liveClient.js';
import type { Auth } from '../session/auth.js';
import type { Session } from '../session/sessionStore.js';

/** What every page gets: the session, the SDK client, the live client, and navigation. */
export interface AppContext {
  readonly auth: Auth;
  /** The SDK client with the session's token (refreshed as needed). */
  readonly api: GraphQLClient;
  /** The gateway's GraphQL endpoint (same origin). */
  readonly graphqlUrl: string;
  /** The shared graphql-ws client, created on first use. */
  live(): Client;
  /**
   * Renews the access token and reconnects the live client with it (its subscriptions are
   * re-sent); false when the session could not be renewed.
   */
  renewLive(): Promise<boolean>;
  /** Follows the live connection's state; returns the unsubscribe function. */
  onLiveStatus(listener: (status: LiveStatus) => void): () => void;
  /** The current session; pages other than login only run with one. */
  session(): Session;
  role(): Role | null;
  navigate(hash: string): void;
}

/** Roles in order of power: ADMIN ⊇ ANALYST ⊇ VIEWER. */
export function hasRole(actual: Role | null | undefined, needed: Role): boolean {
  const order: Record<Role, number> = { VIEWER: 1, ANALYST: 2, ADMIN: 3 };
  return actual ? order[actual] >= order[needed] : false;
}
