import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A dashboard's graphql-ws connection to the gateway: connects at once, never retries (a failure is counted, not hidden). */
export function liveSocket(httpUrl: string, token: string | undefined, onFailed: () => void): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    onNonLazyError: onFailed,
  });
}
