import { AppError } from './AppError.js';

/** The CSV header lacks required columns (or cannot be read as CSV at all). */
export class InvalidCsvFormatError extends AppError {
  constructor(message: string, details: { found: string[]; missing: string[]; [k: string]: unknown }) {
    super('INVALID_CSV_FORMAT', message, details);
  }
}
