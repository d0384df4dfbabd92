import {
  CurrentTenantDocument,
  MeDocument,
  RefreshSessionDocument,
  RegisterCollectorDocument,
  SetTenantActiveDocument,
  VerifyTokenDocument,
} from '@perfanalysis/sdk';
import {
  afterTenantChange,
  clientFor,
  createTestEnvironment,
  newTenant,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import jwt from 'jsonwebtoken';

const DEV_KEY = 'development-only-jwt-signing-key-do-not-use-in-production';

/** Rewrites a token's claims and re-signs it with `key` (the attacker's guess). */
function forge(token: string, edit: Record<string, unknown>, key: string, options: jwt.SignOptions = {}): string {
  const claims = { ...(jwt.decode(token) as Record<string, unknown>), ...edit };
  return jwt.sign(claims, key, { algorithm: 'HS256', keyid: 'k1', ...options });
}

function unsigned(token: string, edit: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'k1' })).toString('base64url');
  const claims = Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), ...edit })).toString('base64url');
  return `${header}.${claims}.`;
}

describe('tokens an attacker might present', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    env = await createTestEnvironment({ env: { JWT_SIGNING_KEY: 'a-test-signing-key-nobody-else-knows', JWT_KEY_ID: 'k1' } });
    tenant = await newTenant(env);
    other = await newTenant(env);
  });
  afterAll(() => env?.stop());

  const rejects = (token: string) => expect(clientFor(env, token).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

  it('refuses alg: none', () => rejects(unsigned(tenant.session.accessToken, {})));
  it('refuses a token signed with another key (the development default)', () => rejects(forge(tenant.session.accessToken, {}, DEV_KEY)));
  it('refuses an unknown key id', () => rejects(forge(tenant.session.accessToken, {}, 'x', { keyid: 'k9' })));
  it('refuses an expired token', () => rejects(forge(tenant.session.accessToken, { exp: Math.floor(Date.now() / 1000) - 60 }, 'x')));
  it('refuses a token whose tenant claim was edited', () =>
    rejects(
      `${tenant.session.accessToken.split('.')[0]}.${Buffer.from(JSON.stringify({ ...(jwt.decode(tenant.session.accessToken) as object), tid: other.id, tsl: other.slug })).toString('base64url')}.${tenant.session.accessToken.split('.')[2]}`,
    ));
  it('refuses a refresh token used as an access token', () => rejects(tenant.session.refreshToken));
  it('refuses malformed tokens and headers', async () => {
    await rejects('not-a-token');
    await rejects('a.b.c');
    const basic = clientFor(env, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    await expect(basic.request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('accepts a token signed with the configured key (the control case)', async () => {
    await expect(clientFor(env, tenant.session.accessToken).request(MeDocument)).resolves.toBeDefined();
  });

  const KEY = 'a-test-signing-key-nobody-else-knows';
  /** Re-signs the token's claims minus `drop` with the real key: only the claim itself can be the reason. */
  const without = (...drop: string[]) => {
    const claims = { ...(jwt.decode(tenant.session.accessToken) as Record<string, unknown>) };
    for (const name of drop) delete claims[name];
    return jwt.sign(claims, KEY, { algorithm: 'HS256', keyid: 'k1', noTimestamp: drop.includes('iat') });
  };
  it('refuses a token without exp', () => rejects(without('exp')));
  it('refuses a token without iat', () => rejects(without('iat')));
  it('refuses a token without sid', () => rejects(without('sid')));
  it('refuses a token naming a session that never existed', () =>
    rejects(forge(tenant.session.accessToken, { sid: '6d1f0b8e-0000-4000-8000-000000000000' }, KEY)));
  it('refuses a token whose tsl names another tenant than its tid', () =>
    rejects(forge(tenant.session.accessToken, { tsl: other.slug }, KEY)));

  it('answers verifyToken to logged-in callers only', async () => {
    await expect(clientFor(env).request(VerifyTokenDocument, { token: tenant.session.accessToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const forged = forge(tenant.session.accessToken, { sid: '6d1f0b8e-0000-4000-8000-000000000000' }, KEY);
    const answer = await clientFor(env, other.session.accessToken).request(VerifyTokenDocument, { token: forged });
    expect(answer.verifyToken).toMatchObject({ valid: false, userId: null });
  });

  it('refuses a not-yet-valid token', async () => {
    const key = 'a-test-signing-key-nobody-else-knows';
    await rejects(forge(tenant.session.accessToken, { nbf: Math.floor(Date.now() / 1000) + 3_600 }, key));
  });

  it('stops every token and API key of a deactivated tenant at once', async () => {
    const victim = await newTenant(env);
    const { registerCollector } = await victim.client.request(RegisterCollectorDocument, { input: { machineId: 'm1', hostname: 'h1' } });
    // Announced on `tenant-changed`: the gateway has dropped what it memoised of the tenant by then (no waiting out a cache).
    await afterTenantChange(env, victim.id, () => victim.client.request(SetTenantActiveDocument, { active: false }));
    await expect(victim.client.request(CurrentTenantDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(clientFor(env, registerCollector.apiKey).request(CurrentTenantDocument)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(clientFor(env).request(RefreshSessionDocument, { refreshToken: victim.session.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('key rotation with kid and an overlap window', () => {
  it('keeps accepting tokens of the previous key while signing with the new one', async () => {
    const before = await createTestEnvironment({ env: { JWT_SIGNING_KEY: 'old-key-0123456789', JWT_KEY_ID: 'old' } });
    let oldToken: string;
    let after: TestEnvironment | undefined;
    try {
      oldToken = (await newTenant(before)).session.accessToken;
      expect((jwt.decode(oldToken, { complete: true }) as jwt.Jwt).header.kid).toBe('old');
      after = await createTestEnvironment({
        env: { JWT_SIGNING_KEY: 'new-key-0123456789', JWT_KEY_ID: 'new', JWT_PREVIOUS_KEYS: 'old:old-key-0123456789' },
      });
      // A token of the old key, re-minted for a user of the new environment, still verifies.
      const fresh = await newTenant(after);
      expect((jwt.decode(fresh.session.accessToken, { complete: true }) as jwt.Jwt).header.kid).toBe('new');
      const oldSigned = forge(fresh.session.accessToken, {}, 'old-key-0123456789', { keyid: 'old' });
      await expect(clientFor(after, oldSigned).request(MeDocument)).resolves.toBeDefined();
      const unknownOld = forge(fresh.session.accessToken, {}, 'older-key', { keyid: 'older' });
      await expect(clientFor(after, unknownOld).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await before.stop();
      await after?.stop();
    }
  });
});
