import { type JwtKeys, signToken } from '@perfanalysis/platform';
import { randomUUID } from 'node:crypto';
import { VerifiedTokens } from '../src/auth/verifiedTokens.js';

const keys: JwtKeys = { currentKid: 'k1', keys: new Map([['k1', 'a-signing-key-of-enough-length-0123456789']]) };
const claims = () => ({ sub: randomUUID(), email: 'a@example.test', sid: randomUUID(), tid: null, tsl: null, role: null });

describe('VerifiedTokens (access tokens verified once per text)', () => {
  it('answers the claims of a valid token, the same on a second use', () => {
    const tokens = new VerifiedTokens(keys);
    const mine = claims();
    const token = signToken(keys, 'access', mine, 60_000);
    expect(tokens.access(token)).toMatchObject(mine);
    expect(tokens.access(token)).toMatchObject(mine);
  });

  it('refuses a token once it expires, though it was verified before', () => {
    let now = Date.now();
    const tokens = new VerifiedTokens(keys, () => now);
    const token = signToken(keys, 'access', claims(), 60_000);
    tokens.access(token);
    now += 61_000;
    expect(() => tokens.access(token)).toThrow(/expired|invalid/);
  });

  it('refuses an edited token and a refresh token, however often they are sent', () => {
    const tokens = new VerifiedTokens(keys);
    const token = signToken(keys, 'access', claims(), 60_000);
    tokens.access(token);
    const [head, body, signature] = token.split('.');
    const edited = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), role: 'ADMIN' })).toString('base64url')}.${signature}`;
    for (let i = 0; i < 2; i++) expect(() => tokens.access(edited)).toThrow(/invalid/);
    const refresh = signToken(keys, 'refresh', { sub: randomUUID(), jti: randomUUID(), fam: randomUUID(), tid: null }, 60_000);
    for (let i = 0; i < 2; i++) expect(() => tokens.access(refresh)).toThrow(/access token/);
  });
});
