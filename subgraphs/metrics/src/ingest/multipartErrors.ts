import { BadRequestError, toAppError } from '@perfanalysis/platform';
import { GraphQLError } from 'graphql';
import type { RequestHandler } from 'express';
import { Upload } from 'graphql-upload-minimal';
import type { Writable } from 'node:stream';
import { asUploadError, malformedMultipart } from './uploadErrors.js';

const BODY_PARSED = Symbol('multipart body parsed');

/**
 * Marks each file stream `parser` emits with a promise that settles once the whole multipart body
 * has been parsed (rejected if it was cut off or malformed after the file, e.g. inside the closing
 * boundary): an upload commits only after it (see `multipartBodyParsed`).
 */
export function trackMultipartBody(parser: Writable): void {
  let settled = false;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.once('finish', () => ((settled = true), resolve()));
    parser.on('error', (error: Error) => ((settled = true), reject(error)));
    parser.once('close', () => {
      if (!settled) reject(malformedMultipart('Unexpected end of form'));
    });
  });
  parsed.catch(() => undefined);
  parser.on('file', (_name: string, stream: object) => Object.assign(stream, { [BODY_PARSED]: parsed }));
}

/** Settles once the multipart body `stream` came from was parsed whole (immediately for other streams). */
export async function multipartBodyParsed(stream: object): Promise<void> {
  try {
    await (stream as { [BODY_PARSED]?: Promise<void> })[BODY_PARSED];
  } catch (error) {
    // Whatever broke the body after the file is the sender's (docs/errors.md).
    throw error instanceof GraphQLError ? error : malformedMultipart(error);
  }
}

/**
 * An `Upload` the parser rejects (e.g. "Malformed part header" for a part header too large) fails the
 * resolver's arguments before its own code runs: each upload in the operations rejects with a typed error instead.
 */
function typedUploadRejections(value: unknown, maxBytes: number, depth = 0): void {
  if (value instanceof Upload) {
    const upload = value as Upload & { promise: Promise<unknown> };
    upload.promise = upload.promise.catch((error: unknown) => {
      const typed = asUploadError(error, maxBytes);
      throw toAppError(typed) ? typed : malformedMultipart(error);
    });
    upload.promise.catch(() => undefined);
    return;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return;
  for (const child of Object.values(value)) typedUploadRejections(child, maxBytes, depth + 1);
}

/**
 * Hardens graphql-upload-minimal (1.6) against hostile multipart bodies:
 * - it passes busboy's own errors on without an HTTP status (e.g. "Malformed content type" for
 *   an unquoted boundary holding `=` or `/`), which would answer 500: anything the multipart
 *   parser rejects is the sender's body, so it becomes a typed 400 (so does the 500 it gives a body with neither
 *   `operations` nor `map`);
 * - it listens for the parser's `error` only `once`, yet destroying the parser after a first
 *   error (a truncated body) emits "Unexpected end of form" a second time, unhandled, which
 *   would kill the process: the parser gets a lasting listener (the first error still reaches
 *   the library and fails the request);
 * - an upload commits only once the whole body was parsed (`trackMultipartBody`);
 * - its error answer waits for the rest of the body, so the connection is not reset under a forwarding gateway;
 * - an upload it rejects fails with a typed 400, not INTERNAL_SERVER_ERROR (`typedUploadRejections`).
 */
export function multipartErrorsAreBadRequests(middleware: RequestHandler, maxBytes = Infinity): RequestHandler {
  return (req, res, next) => {
    const pipe = req.pipe.bind(req);
    req.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as Writable).on('error', () => undefined);
      trackMultipartBody(destination as unknown as Writable);
      return pipe(destination, options);
    }) as typeof req.pipe;
    return middleware(req, res, (error?: unknown) => {
      if (!error) typedUploadRejections(req.body, maxBytes);
      if (error && typeof error === 'object') {
        // Anything the multipart parser rejects is the sender's body: typed (docs/errors.md), never a 500
        // (graphql-upload-minimal answers a body with neither `operations` nor `map` with a 500 of its own).
        const message = String((error as { message?: unknown }).message ?? 'malformed');
        const typed = toAppError(error) ?? new BadRequestError(`The request could not be read: ${message}.`);
        // Answered once the rest of the body is read (the library resumes the request): a forwarding
        // gateway still streaming it must not see the connection reset and answer 503 instead.
        if (!req.complete && !req.destroyed) {
          req.once('end', () => next(typed)).once('close', () => req.complete || next(typed));
          req.resume();
          return;
        }
        return next(typed);
      }
      next(error);
    });
  };
}
