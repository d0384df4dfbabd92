import { defineAppError } from './AppError.js';

export const ServiceUnavailableError = defineAppError(
  'ServiceUnavailableError',
  'SERVICE_UNAVAILABLE',
  'A backing service is unavailable; retry shortly.',
);
export type ServiceUnavailableError = InstanceType<typeof ServiceUnavailableError>;
