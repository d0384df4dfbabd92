import fc from 'fast-check';
import { assertStrongPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblems } from '../src/password/passwordPolicy.js';

describe('passwordProblems', () => {
  it('accepts a long password mixing three character classes', () => {
    expect(passwordProblems('Tangerine-Violin-42', 'ada@example.com')).toEqual([]);
  });

  it.each([
    ['short', 'Ab1!', /at least 12/],
    ['one class', 'abcdefghijklmnop', /three of/],
    ['one character repeated', 'aaaaaaaaaaaaaaaa', /repeat/],
    ['contains the e-mail name', 'Ada.Lovelace-2026', /e-mail name/],
    ['common', 'Password1234', /too common/],
  ])('refuses a password that is %s', (_, password, reason) => {
    expect(passwordProblems(password, 'ada.lovelace@example.com').join(' ')).toMatch(reason);
  });

  it('refuses anything longer than the hashing bound, whatever it contains', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_PASSWORD_LENGTH + 1, maxLength: MAX_PASSWORD_LENGTH + 64 }), (password) => {
        expect(passwordProblems(password, 'x@example.com').join(' ')).toMatch(/at most/);
      }),
    );
  });

  it('never accepts a password shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1 }), (password) => {
        expect(passwordProblems(password, 'x@example.com').length).toBeGreaterThan(0);
      }),
    );
  });

  it('throws a typed BAD_USER_INPUT naming the field and every problem', () => {
    expect.assertions(3);
    try {
      assertStrongPassword('short', 'x@example.com', 'newPassword');
    } catch (error) {
      const e = error as { extensions: { code: string; field: string; problems: string[] } };
      expect(e.extensions.code).toBe('BAD_USER_INPUT');
      expect(e.extensions.field).toBe('newPassword');
      expect(e.extensions.problems.length).toBeGreaterThan(0);
    }
  });
});
