import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isUniqueViolation, isUuid } from '../src/db/pgValues.js';

describe('isUuid', () => {
  it('accepts every UUID in either case', () => {
    fc.assert(fc.property(fc.uuid(), (id) => expect(isUuid(id) && isUuid(id.toUpperCase())).toBe(true)));
    expect(isUuid(randomUUID())).toBe(true);
  });

  it.each([[''], ['not-a-uuid'], [`${randomUUID()}x`], [`'; DROP TABLE x; --`], [42], [null]])('refuses %j', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('recognises only SQLSTATE 23505', () => {
    expect(isUniqueViolation(Object.assign(new Error('dup'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('fk'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
