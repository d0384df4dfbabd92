import { defineAppError } from './AppError.js';

export const ConflictError = defineAppError('ConflictError', 'CONFLICT', 'That already exists.');
export type ConflictError = InstanceType<typeof ConflictError>;
