import { WS_CLOSE } from '@perfanalysis/contract';

/** What one error code is on each transport (docs/errors.md). */
export interface ErrorTransport {
  /** The HTTP status of a REST answer, an upload, a body refused before GraphQL runs, or a request-level GraphQL error. */
  readonly httpStatus: number;
  /** The WebSocket close code when the error ends a graphql-ws connection (other errors arrive as `error` messages). */
  readonly closeCode: number;
  /** The close frame's reason (at most 123 bytes). */
  readonly closeReason: string;
}

/** Errors of one subscription or message: they arrive as graphql-ws `error` messages; should one end a connection, 4400. */
const SENT_AS_MESSAGES = { closeCode: WS_CLOSE.badRequest, closeReason: 'Bad Request' } as const;

/**
 * The one mapping from error code to HTTP status and WebSocket close code; the code itself is
 * the GraphQL `extensions.code`. docs/errors.md says when each one happens.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { httpStatus: 401, closeCode: WS_CLOSE.unauthorized, closeReason: 'Unauthorized' },
  FORBIDDEN: { httpStatus: 403, closeCode: WS_CLOSE.forbidden, closeReason: 'Forbidden' },
  NOT_FOUND: { httpStatus: 404, ...SENT_AS_MESSAGES },
  BAD_USER_INPUT: { httpStatus: 400, ...SENT_AS_MESSAGES },
  BAD_REQUEST: { httpStatus: 400, ...SENT_AS_MESSAGES },
  CONFLICT: { httpStatus: 409, ...SENT_AS_MESSAGES },
  INVALID_CSV_FORMAT: { httpStatus: 400, ...SENT_AS_MESSAGES },
  INVALID_VALUE: { httpStatus: 400, ...SENT_AS_MESSAGES },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, closeCode: WS_CLOSE.messageTooBig, closeReason: 'Message Too Big' },
  RATE_LIMITED: { httpStatus: 429, closeCode: WS_CLOSE.tooManyRequests, closeReason: 'Too Many Requests' },
  REQUEST_TIMEOUT: { httpStatus: 408, closeCode: WS_CLOSE.requestTimeout, closeReason: 'Request Timeout' },
  SERVICE_UNAVAILABLE: { httpStatus: 503, closeCode: WS_CLOSE.tryAgainLater, closeReason: 'Try Again Later' },
  INTERNAL_SERVER_ERROR: { httpStatus: 500, closeCode: WS_CLOSE.internalError, closeReason: 'Internal Error' },
} as const satisfies Record<string, ErrorTransport>;

/** Every code a client can see in `extensions.code` (besides graphql-js's and Apollo's own, docs/errors.md). */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True for a code of the platform's own (e.g. one a subgraph answered with). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
