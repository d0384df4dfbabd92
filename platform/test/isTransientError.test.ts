import { inspect } from 'node:util';
import { isTransientError } from '../src/errors/isTransientError.js';

describe('isTransientError', () => {
  it('knows connection failures by code and by message', () => {
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it("keeps the code of a value graphql-js wrapped as 'Unexpected error value' (another realm's Error)", () => {
    const foreign = { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 5432 };
    expect(isTransientError(new Error(`Unexpected error value: ${inspect(foreign)}`))).toBe(true);
    expect(isTransientError(new Error(`Unexpected error value: { code: "23505" }`))).toBe(false);
  });

  it("follows a failed fetch's cause (Node's fetch: 'fetch failed', the socket error as cause)", () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED' });
    expect(isTransientError(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(isTransientError(new TypeError('fetch failed', { cause: new Error('invalid header') }))).toBe(false);
  });

  it('leaves input and programming errors alone', () => {
    expect(isTransientError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientError('ECONNREFUSED')).toBe(false);
  });
});
