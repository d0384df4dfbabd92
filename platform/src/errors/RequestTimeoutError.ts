import { defineAppError } from './AppError.js';

/** A body that did not arrive in time, or a peer that stopped answering; nothing was committed. */
export const RequestTimeoutError = defineAppError(
  'RequestTimeoutError',
  'REQUEST_TIMEOUT',
  'The request did not arrive in time; send it again.',
);
export type RequestTimeoutError = InstanceType<typeof RequestTimeoutError>;
