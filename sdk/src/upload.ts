import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import { authorizationHeader, type ClientOptions, documentText, GraphQLRequestError } from './client.js';

/** A file to send: its bytes as a stream (never read whole) and the name the server records. */
export interface UploadFile {
  readonly name: string;
  readonly stream: AsyncIterable<Uint8Array>;
  /** Known size in bytes, sent as Content-Length so the server can refuse early. */
  readonly size?: number;
}

export interface UploadOptions {
  /** Called with the number of file bytes handed to the network so far. */
  readonly onProgress?: (bytesSent: number) => void;
}

function part(boundary: string, name: string, value: string): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/**
 * A GraphQL multipart request (graphql-multipart-request-spec) whose one file is streamed:
 * `operations`, then `map`, then the file. The variable named `fileVariable` carries it.
 */
export async function uploadRequest<TResult, TVariables extends Record<string, unknown>>(
  client: ClientOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: Omit<TVariables, 'file'>,
  file: UploadFile,
  options: UploadOptions = {},
): Promise<TResult> {
  const boundary = `----perfanalysis${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  const encoder = new TextEncoder();
  const operations = JSON.stringify({ query: documentText(document), variables: { ...variables, file: null } });
  const head = encoder.encode(
    part(boundary, 'operations', operations) +
      part(boundary, 'map', JSON.stringify({ 0: ['variables.file'] })) +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="${file.name.replace(/["\r\n]/g, '_')}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  async function* body(): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    for await (const chunk of file.stream) {
      sent += chunk.length;
      yield chunk;
      options.onProgress?.(sent);
    }
    yield tail;
  }
  const response = await (client.fetch ?? fetch)(client.url, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'apollo-require-preflight': 'true',
      ...(file.size !== undefined && { 'content-length': String(head.length + file.size + tail.length) }),
      ...authorizationHeader(client.token),
      ...client.headers,
    },
    body: streamOf(body()),
    duplex: 'half',
  } as RequestInit);
  const answer = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} without a JSON body` }] }))) as {
    data?: TResult;
    errors?: GraphQLFormattedError[];
  };
  if (answer.errors?.length) throw new GraphQLRequestError(answer.errors, response.status);
  return answer.data as TResult;
}

/** A web ReadableStream pulling from an async iterator (works in Node and browsers). */
function streamOf(chunks: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}
