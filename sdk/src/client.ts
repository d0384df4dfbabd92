import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type GraphQLFormattedError, print } from 'graphql';

/** A GraphQL error answer, with the server's `extensions.code` at hand. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${String(e.extensions?.code ?? 'ERROR')}: ${e.message}`).join('; '));
    this.name = 'GraphQLRequestError';
  }

  /** The first error's `extensions.code`, e.g. UNAUTHENTICATED or RATE_LIMITED. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code as string | undefined;
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  readonly url: string;
  /** An access token or a collector API key, sent as `Authorization: Bearer …`. */
  readonly token?: string | (() => string | undefined);
  readonly headers?: Record<string, string>;
  readonly fetch?: typeof fetch;
  /** @default 30000 */
  readonly timeoutMs?: number;
}

export interface GraphQLClient {
  request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult>;
}

const printed = new WeakMap<object, string>();

/** The document's text, printed once per document. */
export function documentText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

export function authorizationHeader(token: ClientOptions['token']): Record<string, string> {
  const value = typeof token === 'function' ? token() : token;
  return value ? { authorization: `Bearer ${value}` } : {};
}

/** A minimal typed client over fetch: one POST per operation, errors thrown with their codes. */
export function createClient(options: ClientOptions): GraphQLClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async request(document, variables) {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...authorizationHeader(options.token),
          ...options.headers,
        },
        body: JSON.stringify({ query: documentText(document), variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const body = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} without a JSON body` }] }))) as {
        data?: unknown;
        errors?: GraphQLFormattedError[];
      };
      if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status);
      return body.data as never;
    },
  };
}
