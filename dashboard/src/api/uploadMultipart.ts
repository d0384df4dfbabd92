import { GraphQLRequestError } from '@perfanalysis/sdk';
import type { GraphQLFormattedError } from 'graphql';

export interface UploadProgress {
  /** `sending` while bytes go up, `processing` once the server has them all. */
  readonly phase: 'sending' | 'processing';
  readonly loaded: number;
  readonly total: number;
}

export interface MultipartUploadOptions {
  readonly url: string;
  readonly token: string | undefined;
  /** The operation's text (the SDK's `documentText`). */
  readonly query: string;
  /** Variables, with the file's variable set to null (the multipart spec's placeholder). */
  readonly variables: Record<string, unknown>;
  /** The variable holding the file, e.g. `file` (→ `variables.file` in the map). */
  readonly fileVariable: string;
  readonly file: Blob;
  readonly fileName?: string;
  readonly onProgress?: (progress: UploadProgress) => void;
}

export interface UploadHandle<T> {
  readonly result: Promise<T>;
  abort(): void;
}

/**
 * The body of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` (JSON with the file variable null), `map` (part name → variable path), then the file part.
 */
export function buildMultipartForm(
  query: string,
  variables: Record<string, unknown>,
  fileVariable: string,
  file: Blob,
  fileName = 'upload.csv',
): FormData {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, [fileVariable]: null } }));
  form.append('map', JSON.stringify({ 0: [`variables.${fileVariable}`] }));
  form.append('0', file, fileName);
  return form;
}

/** The answer of a finished upload request: its data, or a GraphQLRequestError with the server's errors. */
export function parseUploadResponse<T>(status: number, text: string): T {
  let body: { data?: T | null; errors?: GraphQLFormattedError[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors, status);
  if (body?.data && status < 400) return body.data;
  const message = status === 413 ? 'The file is larger than the server accepts.' : `The server could not take the upload (HTTP ${status}).`;
  throw new GraphQLRequestError([{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR' } }], status);
}

/**
 * Sends a multipart GraphQL upload with XMLHttpRequest (fetch cannot report upload
 * progress). `apollo-require-preflight` satisfies Apollo Server's CSRF protection.
 */
export function uploadMultipart<T>(options: MultipartUploadOptions): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const result = new Promise<T>((resolve, reject) => {
    xhr.open('POST', options.url);
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.setRequestHeader('accept', 'application/json');
    if (options.token) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.upload.addEventListener('progress', (event) => {
      options.onProgress?.({ phase: 'sending', loaded: event.loaded, total: event.lengthComputable ? event.total : options.file.size });
    });
    xhr.upload.addEventListener('load', () => {
      options.onProgress?.({ phase: 'processing', loaded: options.file.size, total: options.file.size });
    });
    xhr.addEventListener('load', () => {
      try {
        resolve(parseUploadResponse<T>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    });
    xhr.addEventListener('error', () => reject(new TypeError('The upload could not reach the server.')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    xhr.send(buildMultipartForm(options.query, options.variables, options.fileVariable, options.file, options.fileName));
  });
  return { result, abort: () => xhr.abort() };
}
