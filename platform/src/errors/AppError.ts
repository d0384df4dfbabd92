import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './errorCodes.js';

export type { ErrorCode };

/**
 * A domain error the client is meant to read: its message is safe to show and says how to
 * fix the problem, its code is stable, and `details` carry the machine-readable specifics.
 * Its HTTP status and WebSocket close code follow from the code (errorCodes.ts, docs/errors.md).
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = new.target.name;
  }

  /** HTTP status of the code (docs/errors.md). */
  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }

  get details(): Record<string, unknown> {
    const { code: _code, ...rest } = this.extensions;
    return rest;
  }
}

/** Makes a named AppError subclass with a fixed code and default message. */
export function defineAppError(name: string, code: ErrorCode, defaultMessage: string): ReturnType<typeof appErrorClass>;
/** @deprecated The status follows from the code (docs/errors.md): drop the `httpStatus` argument, it is ignored. */
export function defineAppError(name: string, code: ErrorCode, httpStatus: number, defaultMessage: string): ReturnType<typeof appErrorClass>;
export function defineAppError(name: string, code: ErrorCode, ...rest: [string] | [number, string]) {
  return appErrorClass(name, code, rest.length === 1 ? rest[0] : rest[1]);
}

function appErrorClass(name: string, code: ErrorCode, defaultMessage: string) {
  const ErrorClass = class extends AppError {
    constructor(message = defaultMessage, details: Record<string, unknown> = {}) {
      super(code, message, details);
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}
