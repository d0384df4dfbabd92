import { GraphQLError } from 'graphql';

/** Every code a client can see in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_CSV_FORMAT'
  | 'INVALID_VALUE'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * A domain error the client is meant to read: its message is safe to show and says how to
 * fix the problem, its code is stable, and `details` carry the machine-readable specifics.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    /** HTTP status for the REST compatibility endpoints. */
    readonly httpStatus = 400,
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = new.target.name;
  }

  get details(): Record<string, unknown> {
    const { code: _code, ...rest } = this.extensions;
    return rest;
  }
}

/** Makes a named AppError subclass with a fixed code, HTTP status and default message. */
export function defineAppError(name: string, code: ErrorCode, httpStatus: number, defaultMessage: string) {
  const ErrorClass = class extends AppError {
    constructor(message = defaultMessage, details: Record<string, unknown> = {}) {
      super(code, message, details, httpStatus);
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}
