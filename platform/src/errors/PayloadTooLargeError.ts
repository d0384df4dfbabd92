import { defineAppError } from './AppError.js';

export const PayloadTooLargeError = defineAppError('PayloadTooLargeError', 'PAYLOAD_TOO_LARGE', 'The upload is larger than the limit.');
export type PayloadTooLargeError = InstanceType<typeof PayloadTooLargeError>;
