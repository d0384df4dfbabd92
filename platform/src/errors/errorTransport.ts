import { HeaderMap } from '@apollo/server';
import { CollectionValueError, CsvFormatError, CsvValueError } from '@perfanalysis/contract';
import { GraphQLError } from 'graphql';
import { isUniqueViolation } from '../db/pgValues.js';
import { AppError } from './AppError.js';
import { BadRequestError } from './BadRequestError.js';
import { BadUserInputError } from './BadUserInputError.js';
import { ConflictError } from './ConflictError.js';
import { ERROR_CODES, isErrorCode } from './errorCodes.js';
import { InvalidCsvFormatError } from './InvalidCsvFormatError.js';
import { InvalidValueError } from './InvalidValueError.js';
import { isTransientError } from './isTransientError.js';
import { PayloadTooLargeError } from './PayloadTooLargeError.js';
import { ServiceUnavailableError } from './ServiceUnavailableError.js';

export { WS_CLOSE } from '@perfanalysis/contract';

/**
 * busboy's errors for a body cut off or malformed (it gives them no code): the sender's mistake.
 * The one place the platform reads an error's text.
 */
const BUSBOY_MALFORMED = /^(Unexpected end of (form|file)|Malformed part header)/;

/** An http-errors value (body-parser, graphql-upload-minimal): a 4xx status and a message written for clients. */
function clientHttpStatus(error: object): number | undefined {
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/**
 * The typed error a thrown value stands for: an AppError as it is; the foreign errors the
 * platform knows (the contract's CSV and collection errors, body-parser's and graphql-upload's 4xx, busboy's
 * malformed bodies, PostgreSQL's unique violation, an unreachable PostgreSQL or Redis) as the
 * matching AppError. Undefined for anything else: a fault of ours, answered as INTERNAL_SERVER_ERROR.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  // A typed error wrapped by graphql-js (a resolver's) or by `withHttpStatus`.
  if (error instanceof GraphQLError && error.originalError) return toAppError(error.originalError);
  if (error instanceof CsvFormatError) return new InvalidCsvFormatError(error.message, { ...error.details });
  if (error instanceof CsvValueError) return new InvalidValueError(error.message, { ...error.details });
  if (error instanceof CollectionValueError) return new InvalidValueError(error.message, { ...error.details });
  if (!error || typeof error !== 'object') return undefined;
  const message = String((error as { message?: unknown }).message ?? '');
  const status = clientHttpStatus(error);
  if (status === 413) return new PayloadTooLargeError('The request body is larger than this endpoint accepts.');
  if (status !== undefined) return new BadRequestError(`The request could not be read: ${message || 'malformed'}.`);
  if (BUSBOY_MALFORMED.test(message)) return new BadUserInputError(`The multipart request is incomplete or malformed: ${message}`);
  if (isUniqueViolation(error)) return new ConflictError();
  if (isTransientError(error)) return new ServiceUnavailableError(undefined, { retryable: true });
  return undefined;
}

/** The code an error answers with: its own, a foreign error's typed code, else INTERNAL_SERVER_ERROR. */
function codeOf(error: unknown): keyof typeof ERROR_CODES {
  const code = toAppError(error)?.code ?? (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
}

/** The HTTP status an error answers with (docs/errors.md). */
export function httpStatusOf(error: unknown): number {
  return ERROR_CODES[codeOf(error)].httpStatus;
}

/** The close code and reason when an error ends a graphql-ws connection (docs/errors.md). */
export function closeOf(error: unknown): { code: number; reason: string } {
  const code = codeOf(error);
  const { closeCode, closeReason } = ERROR_CODES[code];
  // RATE_LIMITED's message says when to come back ("retry after N s"): short, and what the client needs.
  return { code: closeCode, reason: code === 'RATE_LIMITED' ? (error as Error).message.slice(0, 123) : closeReason };
}

/**
 * A typed error thrown outside a resolver (context, plugins, multipart parsing) with the HTTP
 * status of its code for Apollo Server to answer with; the formatter strips `http` again.
 */
export function withHttpStatus(error: AppError, headers: Record<string, string> = {}): GraphQLError {
  const http = { status: error.httpStatus, headers: new HeaderMap(Object.entries(headers)) };
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions, http } });
}

/** Ends a graphql-ws connection with the close code and reason of `error`. */
export function closeWithError(socket: { close(code: number, reason: string): void }, error: unknown): void {
  const { code, reason } = closeOf(error);
  socket.close(code, reason);
}
