import { AppError } from './AppError.js';

/** One cell could not be read; `row` is 1-based and counts data rows after the header. */
export class InvalidValueError extends AppError {
  constructor(message: string, details: { row: number; column: string; value: string; [k: string]: unknown }) {
    super('INVALID_VALUE', message, details);
  }
}
