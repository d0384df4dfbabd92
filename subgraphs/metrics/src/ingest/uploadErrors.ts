import { AppError, BadUserInputError, PayloadTooLargeError, toAppError, withHttpStatus } from '@perfanalysis/platform';
import type { GraphQLError } from 'graphql';

/** An upload's file past the size limit (busboy cut it off, or the multipart parser refused it). */
export function fileTooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1_048_576)} MB; split it.`, { maxBytes });
}

/** busboy marks a file stream cut off at its size limit: never store a truncated file. */
export function wasTruncated(source: object): boolean {
  return (source as { truncated?: boolean }).truncated === true;
}

/**
 * A multipart body cut off or malformed around the file: the `file` argument's fault, answered
 * 400 even from a resolver (docs/errors.md).
 */
export function malformedMultipart(error: unknown): GraphQLError {
  const why = error instanceof Error ? error.message : String(error);
  return withHttpStatus(new BadUserInputError(`The multipart request is incomplete or malformed: ${why}`, { field: 'file' }));
}

/**
 * What an upload failed with, typed (`toAppError`: the contract's CSV errors, the multipart
 * parser's limit and malformed bodies) and worded for the upload: a size limit names the
 * file's limit, a body the parser could not read is the `file` argument's.
 */
export function asUploadError(error: unknown, maxBytes: number): unknown {
  const typed = toAppError(error);
  if (typed?.code === 'PAYLOAD_TOO_LARGE') return fileTooLarge(maxBytes);
  const unreadable = typed?.code === 'BAD_REQUEST' || typed?.code === 'BAD_USER_INPUT';
  if (unreadable && !(error instanceof AppError)) return malformedMultipart(error);
  return typed ?? error;
}
