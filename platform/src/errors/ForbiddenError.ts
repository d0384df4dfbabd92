import { defineAppError } from './AppError.js';

export const ForbiddenError = defineAppError('ForbiddenError', 'FORBIDDEN', 'Your role in this tenant does not allow this.');
export type ForbiddenError = InstanceType<typeof ForbiddenError>;
