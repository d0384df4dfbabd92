import { WS_CLOSE } from '@perfanalysis/sdk';
import { type Client, createClient } from 'graphql-ws';

/** The graphql-ws endpoint beside the page: ws(s)://<host>/graphql. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/** Exponential back-off with jitter, capped at 15 s, so a long outage is retried forever but gently. */
export function retryDelayMs(retries: number, random = Math.random): number {
  return Math.min(1_000 * 2 ** retries, 15_000) + Math.floor(random() * 500);
}

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'idle';

export interface LiveClientOptions {
  readonly url: string;
  /** A fresh access token for each (re)connection. */
  readonly accessToken: () => Promise<string | undefined>;
  readonly onStatus?: (status: LiveStatus) => void;
  /** The server closed the socket as unauthorized (4401, docs/errors.md): renew the token before the next try. */
  readonly onUnauthorized?: () => void;
}

/**
 * One graphql-ws client for the page: lazy (connects with the first subscription), retries
 * without end, and authenticates each connection with `connectionParams`.
 */
export function createLiveClient(options: LiveClientOptions): Client {
  let everConnected = false;
  return createClient({
    url: options.url,
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    connectionParams: async () => {
      const token = await options.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: () => options.onStatus?.(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        options.onStatus?.('connected');
      },
      closed: (event) => {
        const code = (event as { code?: number } | undefined)?.code;
        if (code === WS_CLOSE.unauthorized) options.onUnauthorized?.();
        // Closed on purpose (no subscription left); anything else is retried.
        options.onStatus?.(code === WS_CLOSE.normal || !everConnected ? 'idle' : 'reconnecting');
      },
    },
  });
}
