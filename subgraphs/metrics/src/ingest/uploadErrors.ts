import { CsvFormatError, CsvValueError } from '@perfanalysis/contract';
import { InvalidCsvFormatError, InvalidValueError, PayloadTooLargeError } from '@perfanalysis/platform';

/** The contract's CSV errors and the multipart limit, as the platform's typed errors. */
export function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof CsvFormatError) return new InvalidCsvFormatError(error.message, { ...error.details });
  if (error instanceof CsvValueError) return new InvalidValueError(error.message, { ...error.details });
  if ((error as { status?: number }).status === 413) {
    return new PayloadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1_048_576)} MB; split it.`, { maxBytes });
  }
  return error;
}
