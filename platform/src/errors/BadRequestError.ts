import { defineAppError } from './AppError.js';

/** The request itself cannot be read (a malformed body, a missing header), as opposed to a bad input value. */
export const BadRequestError = defineAppError('BadRequestError', 'BAD_REQUEST', 'The request could not be read.');
export type BadRequestError = InstanceType<typeof BadRequestError>;
