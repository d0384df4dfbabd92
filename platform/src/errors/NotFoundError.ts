import { defineAppError } from './AppError.js';

export const NotFoundError = defineAppError('NotFoundError', 'NOT_FOUND', 'Not found in this tenant.');
export type NotFoundError = InstanceType<typeof NotFoundError>;
