import { defineAppError } from './AppError.js';

export const BadUserInputError = defineAppError('BadUserInputError', 'BAD_USER_INPUT', 'The input is not valid.');
export type BadUserInputError = InstanceType<typeof BadUserInputError>;
