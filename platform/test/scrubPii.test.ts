import { REDACTED, scrubPii } from '@perfanalysis/platform';
import fc from 'fast-check';

describe('scrubPii (Sentry beforeSend)', () => {
  it('removes credentials by key, at any depth', () => {
    const event = {
      request: { headers: { Authorization: 'Bearer abc.def.ghi', Cookie: 'sid=1', 'X-Pa-Identity': 'x.y', accept: 'json' } },
      extra: { variables: { input: { email: 'a@b.c', password: 'hunter2', newPassword: 'n', refreshToken: 'r', apiKey: 'k' } } },
    };
    const scrubbed = scrubPii(event);
    expect(scrubbed.request.headers).toEqual({ Authorization: REDACTED, Cookie: REDACTED, 'X-Pa-Identity': REDACTED, accept: 'json' });
    expect(scrubbed.extra.variables.input).toEqual({
      email: 'a@b.c',
      password: REDACTED,
      newPassword: REDACTED,
      refreshToken: REDACTED,
      apiKey: REDACTED,
    });
  });

  it('masks token-shaped strings wherever they appear', () => {
    const key = 'pa_0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const message = `failed for ${key} with Bearer ${jwt} and ${jwt}`;
    const scrubbed = scrubPii({ message });
    expect(scrubbed.message).not.toContain(key);
    expect(scrubbed.message).not.toContain(jwt);
    expect(scrubbed.message).toContain(REDACTED);
  });

  it('does not alter its input and keeps harmless values', () => {
    const input = { a: 1, b: [true, null, 'plain'], nested: { token: 't' } };
    const copy = structuredClone(input);
    expect(scrubPii(input)).toEqual({ a: 1, b: [true, null, 'plain'], nested: { token: REDACTED } });
    expect(input).toEqual(copy);
  });

  it('never leaks a password placed under any sensitive key (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('password', 'Authorization', 'api_key', 'apiKey', 'refreshToken', 'cookie', 'clientSecret'),
        fc.string({ minLength: 8 }),
        (key, secret) => {
          const scrubbed = JSON.stringify(scrubPii({ deep: { deeper: [{ [key]: secret }] } }));
          expect(scrubbed).not.toContain(JSON.stringify(secret));
        },
      ),
    );
  });
});
