import { collectionValueError, CsvFormatError, CsvValueError, WS_CLOSE } from '@perfanalysis/contract';
import busboy from 'busboy';
import express from 'express';
import { GraphQLError } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppError, defineAppError } from '../src/errors/AppError.js';
import { BadUserInputError } from '../src/errors/BadUserInputError.js';
import { ERROR_CODES, type ErrorCode, isErrorCode } from '../src/errors/errorCodes.js';
import { closeOf, httpStatusOf, toAppError, withHttpStatus } from '../src/errors/errorTransport.js';
import { ForbiddenError } from '../src/errors/ForbiddenError.js';
import { RateLimitedError } from '../src/errors/RateLimitedError.js';
import { UnauthenticatedError } from '../src/errors/UnauthenticatedError.js';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const CLOSE_CODES = new Set<number>(Object.values(WS_CLOSE));

/** What a real express.json() makes of `body` (body-parser's own error object). */
async function bodyParserError(body: string, limit = '1kb'): Promise<unknown> {
  let caught: unknown;
  const app = express();
  app.post('/', express.json({ limit }), (_req, res) => void res.end());
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    caught = error;
    res.end();
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return caught;
}

/** What busboy reports for a multipart body cut off inside a part. */
function busboyError(): Promise<Error> {
  return new Promise((resolve) => {
    const parser = busboy({ headers: { 'content-type': 'multipart/form-data; boundary=b' } });
    parser.on('file', (_name, stream) => stream.on('error', () => undefined).resume());
    parser.once('error', (error) => resolve(error as Error));
    parser.end('--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nts,cpu\r\n1,2');
  });
}

describe('the error code table (docs/errors.md)', () => {
  it.each(CODES)('%s has an HTTP error status and a close code of the wire contract', (code) => {
    const { httpStatus, closeCode, closeReason } = ERROR_CODES[code];
    expect(httpStatus).toBeGreaterThanOrEqual(400);
    expect(httpStatus).toBeLessThan(600);
    expect(CLOSE_CODES.has(closeCode)).toBe(true);
    expect(Buffer.byteLength(closeReason)).toBeLessThanOrEqual(123);
    const typed = new AppError(code, 'm');
    expect([typed.httpStatus, httpStatusOf(typed), closeOf(typed).code]).toEqual([httpStatus, httpStatus, closeCode]);
  });

  it('docs/errors.md lists every code with its HTTP status and close code', () => {
    const doc = readFileSync(path.join(__dirname, '../../docs/errors.md'), 'utf8');
    for (const code of CODES) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\``));
      const cells = row?.split('|').map((cell) => cell.trim());
      expect(cells?.slice(2, 4)).toEqual([String(ERROR_CODES[code].httpStatus), String(ERROR_CODES[code].closeCode)]);
    }
  });

  it('keeps the statuses and close codes clients already rely on', () => {
    expect(closeOf(new UnauthenticatedError())).toEqual({ code: 4401, reason: 'Unauthorized' });
    expect(closeOf(new ForbiddenError())).toEqual({ code: 4403, reason: 'Forbidden' });
    expect(closeOf(new RateLimitedError(7))).toEqual({ code: 4429, reason: 'Too many requests: retry after 7 s.' });
    expect(CODES.map((code) => [code, ERROR_CODES[code].httpStatus])).toEqual([
      ['UNAUTHENTICATED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['BAD_USER_INPUT', 400],
      ['BAD_REQUEST', 400],
      ['CONFLICT', 409],
      ['INVALID_CSV_FORMAT', 400],
      ['INVALID_VALUE', 400],
      ['PAYLOAD_TOO_LARGE', 413],
      ['RATE_LIMITED', 429],
      ['REQUEST_TIMEOUT', 408],
      ['SERVICE_UNAVAILABLE', 503],
      ['INTERNAL_SERVER_ERROR', 500],
    ]);
  });

  it('takes the status from the code, whatever a deprecated defineAppError call passes', () => {
    const Legacy = defineAppError('LegacyError', 'CONFLICT', 418, 'legacy');
    expect([new Legacy().httpStatus, new Legacy().message, new Legacy().name]).toEqual([409, 'legacy', 'LegacyError']);
  });

  it('knows a code a subgraph answered with, and nothing else', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(httpStatusOf(new GraphQLError('gone', { extensions: { code: 'NOT_FOUND' } }))).toBe(404);
    expect(httpStatusOf(new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } }))).toBe(500);
  });
});

describe('toAppError', () => {
  it('returns a typed error as it is, also wrapped by graphql-js or withHttpStatus', () => {
    const typed = new BadUserInputError('bad', { field: 'name' });
    expect(toAppError(typed)).toBe(typed);
    expect(toAppError(new GraphQLError('bad', { originalError: typed, path: ['x'] }))).toBe(typed);
    const answered = withHttpStatus(typed);
    expect(answered.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', http: { status: 400 } });
    expect(toAppError(answered)).toBe(typed);
  });

  it("types the contract's CSV errors with their details", () => {
    const format = toAppError(new CsvFormatError('no header', { found: ['a'], missing: ['timestamp'] }));
    expect([format?.code, format?.details]).toEqual(['INVALID_CSV_FORMAT', { found: ['a'], missing: ['timestamp'] }]);
    const value = toAppError(new CsvValueError('bad cell', { row: 3, column: 'cpu_user', value: 'x' }));
    expect([value?.code, value?.httpStatus, value?.details]).toEqual(['INVALID_VALUE', 400, { row: 3, column: 'cpu_user', value: 'x' }]);
    // A pcc collection's bad line (the agent's reader, on the server and in `perfagent convert`).
    const line = toAppError(collectionValueError(7, 'json', 'nope', 'Line 7: not a JSON object.'));
    expect([line?.code, line?.httpStatus, line?.details]).toEqual([
      'INVALID_VALUE',
      400,
      { line: 7, row: 7, column: 'json', value: 'nope' },
    ]);
  });

  it("types body-parser's errors: a body too large, malformed JSON", async () => {
    const tooLarge = toAppError(await bodyParserError(JSON.stringify({ query: 'x'.repeat(2_000) })));
    expect([tooLarge?.code, tooLarge?.httpStatus]).toEqual(['PAYLOAD_TOO_LARGE', 413]);
    const malformed = toAppError(await bodyParserError('{"query": '));
    expect([malformed?.code, malformed?.httpStatus]).toEqual(['BAD_REQUEST', 400]);
    expect(malformed?.message).toMatch(/^The request could not be read: /);
  });

  it("types busboy's error for a body cut off", async () => {
    const typed = toAppError(await busboyError());
    expect([typed?.code, typed?.message]).toEqual([
      'BAD_USER_INPUT',
      'The multipart request is incomplete or malformed: Unexpected end of form',
    ]);
  });

  it('types the PostgreSQL errors the platform knows: unique violation, unreachable server', () => {
    expect(toAppError(Object.assign(new Error('duplicate key value'), { code: '23505' }))?.code).toBe('CONFLICT');
    const down = toAppError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect([down?.code, down?.details, closeOf(down).code]).toEqual(['SERVICE_UNAVAILABLE', { retryable: true }, 1013]);
  });

  it('leaves faults of ours untyped: INTERNAL_SERVER_ERROR, 500, close 1011', () => {
    for (const fault of [new Error('relation "x" does not exist'), Object.assign(new Error('boom'), { status: 500 }), 'text', null]) {
      expect(toAppError(fault)).toBeUndefined();
      expect([httpStatusOf(fault), closeOf(fault)]).toEqual([500, { code: 1011, reason: 'Internal Error' }]);
    }
  });
});
