import { defineAppError } from './AppError.js';

export const ConflictError = defineAppError('ConflictError', 'CONFLICT', 409, 'That already exists.');
export type ConflictError = InstanceType<typeof ConflictError>;
