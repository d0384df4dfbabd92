import { type RequestIdentity, signIdentity, verifyIdentity } from '@perfanalysis/platform';

const identity: RequestIdentity = {
  principal: { kind: 'user', userId: 'u1', email: 'a@b.c', sessionId: 's1', role: 'ADMIN' },
  tenant: { id: 't1', slug: 'acme' },
  ip: '127.0.0.1',
};

describe('gateway-signed identity header', () => {
  it('round-trips an identity signed with the internal secret', () => {
    expect(verifyIdentity(signIdentity(identity, 'secret'), 'secret')).toEqual(identity);
  });

  it('refuses a header signed with another secret', () => {
    expect(() => verifyIdentity(signIdentity(identity, 'attacker'), 'secret')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('refuses an edited payload (tenant claim changed)', () => {
    const [, signature] = signIdentity(identity, 'secret').split('.');
    const edited = Buffer.from(JSON.stringify({ ...identity, tenant: { id: 't2', slug: 'other' }, iat: Date.now() })).toString('base64url');
    expect(() => verifyIdentity(`${edited}.${signature}`, 'secret')).toThrow(/not signed by the gateway/);
  });

  it('judges a header it verified before again by its age and by the secret it is checked with', () => {
    const now = Date.now();
    const header = signIdentity(identity, 'secret', now);
    expect(verifyIdentity(header, 'secret', now)).toEqual(identity);
    expect(verifyIdentity(header, 'secret', now + 60_000)).toEqual(identity);
    expect(() => verifyIdentity(header, 'secret', now + 10 * 60_000)).toThrow(/stale/);
    expect(() => verifyIdentity(header, 'other secret', now)).toThrow(/not signed by the gateway/);
  });

  it('refuses stale and malformed headers', () => {
    expect(() => verifyIdentity(signIdentity(identity, 'secret', Date.now() - 10 * 60_000), 'secret')).toThrow(/stale/);
    expect(() => verifyIdentity('garbage', 'secret')).toThrow(/malformed/);
    expect(() => verifyIdentity('a.b.c', 'secret')).toThrow(/malformed/);
  });
});
