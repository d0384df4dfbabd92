import { defineAppError } from './AppError.js';

export const UnauthenticatedError = defineAppError(
  'UnauthenticatedError',
  'UNAUTHENTICATED',
  'Authentication required: send a valid access token or API key.',
);
export type UnauthenticatedError = InstanceType<typeof UnauthenticatedError>;
