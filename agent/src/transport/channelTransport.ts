import { isCredentialRefusal } from '@perfanalysis/contract';
import { documentText, GraphQLRequestError, type MetricPointInput, TricklePointsDocument } from '@perfanalysis/sdk';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { AuthRejectedError } from '../errors/AuthRejectedError.js';
import { RetryableError } from '../errors/RetryableError.js';
import { backoffDelay } from '../shipper/backoff.js';
import { classifySendError, graphqlEndpoint } from './classifySendError.js';
import type { Transport } from './Transport.js';
import { toPointInput } from './trickleTransport.js';
import { registerTransport, type TransportSettings } from './transports.js';

/** How long one message may wait for its acknowledgement (connecting included). */
const ACK_TIMEOUT_MS = 15_000;

/** A send while the socket is down fails after this (retryable): the shipper spools rather than waits. */
const CONNECT_WAIT_MS = 3_000;

/**
 * Largest `points` JSON per message: the gateway closes the socket on a message past its limit
 * (LIVE_MAX_MESSAGE_BYTES, 256 KiB by default), so larger batches go as several messages.
 */
const MAX_MESSAGE_POINTS_BYTES = 192 * 1024;

function closeCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A socket-level failure (close event, error array, Error) as the shipper's error classes. */
export function classifyChannelError(error: unknown): Error {
  if (Array.isArray(error)) return classifySendError(new GraphQLRequestError(error, 400));
  const code = closeCodeOf(error);
  // Refused credentials (4401/4403, docs/errors.md) are final; any other close is an outage.
  if (isCredentialRefusal(code)) {
    const reason = (error as { reason?: string }).reason;
    return new AuthRejectedError(`the server refused the API key on the channel (${code} ${reason ?? ''})`.trim());
  }
  if (code !== undefined) return new RetryableError(`channel closed (${code})`);
  return classifySendError(error);
}

/** `http(s)://host/graphql` → `ws(s)://host/graphql`. */
function socketUrl(server: string): string {
  return graphqlEndpoint(server).replace(/^http/, 'ws');
}

/**
 * The agent's default transport: one persistent graphql-ws connection to the gateway,
 * authenticated once with the API key, carrying a `tricklePoints` mutation per batch. The socket
 * reconnects with back-off by itself; a batch that cannot be acknowledged fails as retryable and
 * the shipper spools it, as with HTTP (contract: docs/agent-channel.md).
 */
export function createChannelTransport(settings: TransportSettings): Transport {
  const query = documentText(TricklePointsDocument);
  let connected = false;
  const client: Client = createClient({
    url: socketUrl(settings.server),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${settings.apiKey}` },
    lazy: false,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffDelay(retries + 1, { baseMs: 500, maxMs: 30_000 }))),
    // A refused key is final (the CLI exits 3); any other close is an outage to ride out.
    shouldRetry: (event) => !isCredentialRefusal(closeCodeOf(event)),
    on: {
      connected: () => {
        connected = true;
        settings.log.debug('channel connected');
      },
      closed: (event) => {
        connected = false;
        settings.log.debug('channel closed', { code: closeCodeOf(event) });
      },
    },
    onNonLazyError: () => undefined,
  });
  const sendMessage = (points: readonly MetricPointInput[], signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new RetryableError('send aborted'));
      let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
      const finish = (error?: Error) => {
        clearTimeout(timer);
        clearTimeout(connecting);
        signal?.removeEventListener('abort', onAbort);
        dispose();
        if (error) reject(error);
        else if (result?.errors?.length) reject(classifySendError(new GraphQLRequestError(result.errors, 200)));
        else if (!result?.data) reject(new RetryableError('the channel completed without an acknowledgement'));
        else resolve();
      };
      const onAbort = () => finish(new RetryableError('send aborted'));
      const timer = setTimeout(() => finish(new RetryableError(`no acknowledgement within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
      const connecting = setTimeout(() => connected || finish(new RetryableError('the channel is not connected')), CONNECT_WAIT_MS);
      signal?.addEventListener('abort', onAbort, { once: true });
      const dispose = client.subscribe(
        { query, variables: { points } },
        {
          next: (value) => (result = value),
          error: (error) => finish(classifyChannelError(error)),
          complete: () => finish(),
        },
      );
    });
  /** Halves a batch whose JSON is too large for one message; a half acknowledged before a failure is resent harmlessly. */
  const sendSplit = async (points: readonly MetricPointInput[], signal?: AbortSignal): Promise<void> => {
    if (points.length > 1 && JSON.stringify(points).length > MAX_MESSAGE_POINTS_BYTES) {
      const middle = Math.ceil(points.length / 2);
      await sendSplit(points.slice(0, middle), signal);
      await sendSplit(points.slice(middle), signal);
      return;
    }
    await sendMessage(points, signal);
  };
  return {
    name: 'channel',
    maxBatch: 600,
    sendBatch: (points, signal) => sendSplit(points.map(toPointInput), signal),
    async close() {
      // Disposing during a failing connection attempt rejects with that attempt's error: nothing is left to release then.
      await Promise.resolve(client.dispose()).catch(() => undefined);
    },
  };
}

registerTransport('channel', createChannelTransport);
