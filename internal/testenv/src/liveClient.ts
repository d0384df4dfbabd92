import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { documentText } from '@perfanalysis/sdk';
import type { GraphQLFormattedError } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How a graphql-ws connection ended (close code and reason), once it did. */
export interface LiveClose {
  readonly code: number;
  readonly reason: string;
}

/** One subscription's record: every payload, then how it ended. */
export interface LiveRecord<T> {
  readonly data: T[];
  readonly extensions: Record<string, unknown>[];
  /** Errors of `next` payloads and the terminal `error` message. */
  readonly errors: GraphQLFormattedError[];
  readonly ended: Promise<'complete' | 'error'>;
  /** Resolves with the data once `predicate` holds (rejects after `timeoutMs`). */
  until(predicate: (data: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  /** Resolves once the subscription ended (error or completion). */
  end(timeoutMs?: number): Promise<'complete' | 'error'>;
  unsubscribe(): void;
}

export interface LiveConnection {
  readonly client: Client;
  /** Resolves when the socket closes, with its code. */
  readonly closed: Promise<LiveClose>;
  subscribe<T, V>(document: TypedDocumentNode<T, V>, variables?: V): LiveRecord<T>;
  close(): Promise<void>;
}

export interface LiveConnectionOptions {
  /** Sent as `connectionParams` instead of `{ authorization: 'Bearer <token>' }`. */
  readonly connectionParams?: Record<string, unknown>;
  /** A Host header for the upgrade request (tenant by domain). */
  readonly host?: string;
}

function wait<T>(promise: Promise<T>, timeoutMs: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A graphql-ws client from Node (the `ws` package) to a GraphQL endpoint (`http://…/graphql` is
 * turned into `ws://…/graphql`), authenticating with `connectionParams.authorization`.
 */
export function connectLive(httpUrl: string, token?: string, options: LiveConnectionOptions = {}): LiveConnection {
  let resolveClosed: (close: LiveClose) => void = () => undefined;
  const closed = new Promise<LiveClose>((resolve) => (resolveClosed = resolve));
  const Impl = options.host
    ? class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { host: options.host! } });
        }
      }
    : WebSocket;
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: Impl,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
    onNonLazyError: () => undefined,
    on: { closed: (event) => resolveClosed({ code: (event as LiveClose).code, reason: String((event as LiveClose).reason ?? '') }) },
  });

  return {
    client,
    closed,
    subscribe<T, V>(document: TypedDocumentNode<T, V>, variables?: V): LiveRecord<T> {
      const data: T[] = [];
      const extensions: Record<string, unknown>[] = [];
      const errors: GraphQLFormattedError[] = [];
      const listeners = new Set<() => void>();
      const notify = () => listeners.forEach((l) => l());
      let resolveEnded: (how: 'complete' | 'error') => void = () => undefined;
      const ended = new Promise<'complete' | 'error'>((resolve) => (resolveEnded = resolve));
      const unsubscribe = client.subscribe<T, Record<string, unknown>>(
        { query: documentText(document), variables: variables as Record<string, unknown> | undefined },
        {
          next: (result) => {
            if (result.data) data.push(result.data as T);
            if (result.extensions) extensions.push(result.extensions);
            if (result.errors) errors.push(...result.errors);
            notify();
          },
          error: (error: unknown) => {
            if (Array.isArray(error)) errors.push(...(error as GraphQLFormattedError[]));
            else errors.push({ message: String((error as Error)?.message ?? error), extensions: { close: (error as LiveClose)?.code } });
            resolveEnded('error');
            notify();
          },
          complete: () => {
            resolveEnded('complete');
            notify();
          },
        },
      );
      return {
        data,
        extensions,
        errors,
        ended,
        until(predicate, timeoutMs = 15_000) {
          return wait(
            new Promise<T[]>((resolve, reject) => {
              const check = () => {
                if (predicate(data)) {
                  listeners.delete(check);
                  resolve(data);
                } else if (errors.length) {
                  listeners.delete(check);
                  reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
                }
              };
              listeners.add(check);
              check();
            }),
            timeoutMs,
            () => `${data.length} events, errors ${JSON.stringify(errors)}`,
          );
        },
        end(timeoutMs = 15_000) {
          return wait(ended, timeoutMs, () => `subscription still open after ${data.length} events`);
        },
        unsubscribe,
      };
    },
    async close() {
      await client.dispose();
    },
  };
}
