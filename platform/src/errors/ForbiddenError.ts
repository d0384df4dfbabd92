import { defineAppError } from './AppError.js';

export const ForbiddenError = defineAppError('ForbiddenError', 'FORBIDDEN', 403, 'Your role in this tenant does not allow this.');
export type ForbiddenError = InstanceType<typeof ForbiddenError>;
