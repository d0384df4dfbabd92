import { CsvValueError } from '@perfanalysis/contract';
import { ForbiddenError, toAppError } from '@perfanalysis/platform';
import busboy from 'busboy';
import { GraphQLError } from 'graphql';
import createError from 'http-errors';
import { asUploadError, fileTooLarge, malformedMultipart } from '../src/ingest/uploadErrors.js';

const MAX = 50 * 1_048_576;

/** What busboy reports for a multipart body whose part header never ends. */
function busboyError(): Promise<Error> {
  return new Promise((resolve) => {
    const parser = busboy({ headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    parser.once('error', (error) => resolve(error as Error));
    parser.end('--b\r\nContent-Disposition: form-data; name="file"');
  });
}

describe('asUploadError (docs/errors.md)', () => {
  it("words the multipart parser's size refusal as the file's limit", () => {
    const refused = asUploadError(createError(413, 'File truncated as it exceeds the 52428800 byte size limit.'), MAX);
    expect(refused).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than 50 MB; split it.',
      details: { maxBytes: MAX },
    });
    expect(fileTooLarge(MAX).httpStatus).toBe(413);
  });

  it("makes the parser's 4xx and busboy's malformed bodies the `file` argument's, answered 400 from a resolver", async () => {
    for (const error of [createError(400, 'File missing in the request.'), await busboyError()]) {
      const typed = asUploadError(error, MAX) as GraphQLError;
      expect(typed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', http: { status: 400 } });
      expect(typed.message).toMatch(/^The multipart request is incomplete or malformed: /);
      expect(toAppError(typed)?.httpStatus).toBe(400);
    }
  });

  it("types the contract's CSV errors and keeps the platform's own", () => {
    expect(asUploadError(new CsvValueError('bad cell', { row: 2, column: 'cpu_user', value: 'x' }), MAX)).toMatchObject({
      code: 'INVALID_VALUE',
    });
    const forbidden = new ForbiddenError('Not your machine.');
    expect(asUploadError(forbidden, MAX)).toBe(forbidden);
  });

  it('leaves a fault of ours as it is (INTERNAL_SERVER_ERROR downstream)', () => {
    const fault = new Error('relation "x" does not exist');
    expect(asUploadError(fault, MAX)).toBe(fault);
    expect(malformedMultipart('Unexpected end of form').message).toBe(
      'The multipart request is incomplete or malformed: Unexpected end of form',
    );
  });
});
