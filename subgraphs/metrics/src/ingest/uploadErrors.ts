import { CsvFormatError, CsvValueError } from '@perfanalysis/contract';
import { BadUserInputError, InvalidCsvFormatError, InvalidValueError, PayloadTooLargeError } from '@perfanalysis/platform';

/** The contract's CSV errors and the multipart limit, as the platform's typed errors. */
export function asUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof CsvFormatError) return new InvalidCsvFormatError(error.message, { ...error.details });
  if (error instanceof CsvValueError) return new InvalidValueError(error.message, { ...error.details });
  if ((error as { status?: number }).status === 413) {
    return new PayloadTooLargeError(`The file is larger than ${Math.round(maxBytes / 1_048_576)} MB; split it.`, { maxBytes });
  }
  // graphql-upload-minimal's 4xx (e.g. "File missing in the request.") and busboy's errors on a cut-off body are the sender's.
  const { status, message } = error as { status?: unknown; message?: unknown };
  if (
    (typeof status === 'number' && status >= 400 && status < 500) ||
    /^(Unexpected end of (form|file)|Malformed part header)/.test(String(message))
  ) {
    // `http`: the GraphQL answer's status (Apollo reads it and formatError drops it from the extensions).
    return new BadUserInputError(`The multipart request is incomplete or malformed: ${String(message)}`, {
      field: 'file',
      http: { status: 400 },
    });
  }
  return error;
}
