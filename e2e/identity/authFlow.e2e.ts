import {
  AuditTrailDocument,
  ChangePasswordDocument,
  CurrentTenantDocument,
  GrantRoleDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  MembersDocument,
  MyMembershipsDocument,
  RefreshSessionDocument,
  RegisterCollectorDocument,
  RevokeMembershipDocument,
  SwitchTenantDocument,
  VerifyTokenDocument,
} from '@perfanalysis/sdk';
import {
  clientFor,
  createTestEnvironment,
  joinTenant,
  logIn,
  newTenant,
  signUp,
  TEST_PASSWORD,
  type TestEnvironment,
} from '@perfanalysis/testenv';

describe('the session lifecycle through the gateway', () => {
  let env: TestEnvironment;
  beforeAll(async () => (env = await createTestEnvironment()));
  afterAll(() => env?.stop());

  it('registers, is granted a role, logs in, refreshes, changes password and logs out', async () => {
    const tenant = await newTenant(env);
    const analyst = await signUp(env);
    await joinTenant(env, tenant, analyst, 'ANALYST');

    const session = await logIn(env, analyst, tenant.slug);
    expect(session).toMatchObject({ role: 'ANALYST', tenant: { slug: tenant.slug }, user: { email: analyst.email } });
    const me = await clientFor(env, session.accessToken).request(MeDocument);
    expect(me.me.email).toBe(analyst.email);

    const refreshed = (await clientFor(env).request(RefreshSessionDocument, { refreshToken: session.refreshToken })).refresh;
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    expect((await clientFor(env, refreshed.accessToken).request(CurrentTenantDocument)).currentTenant.slug).toBe(tenant.slug);

    const otherDevice = await logIn(env, analyst, tenant.slug);
    const newPassword = 'An0ther-Strong-Passphrase';
    await clientFor(env, refreshed.accessToken).request(ChangePasswordDocument, { oldPassword: TEST_PASSWORD, newPassword });
    // Other sessions are closed; this one goes on.
    await expect(clientFor(env, otherDevice.accessToken).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(clientFor(env).request(RefreshSessionDocument, { refreshToken: otherDevice.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(clientFor(env).request(LoginDocument, { input: { email: analyst.email, password: TEST_PASSWORD } })).rejects.toMatchObject(
      {
        code: 'UNAUTHENTICATED',
      },
    );
    const relogged = await logIn(env, { ...analyst, password: newPassword }, tenant.slug);

    await clientFor(env, relogged.accessToken).request(LogoutDocument);
    await expect(clientFor(env, relogged.accessToken).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(clientFor(env).request(RefreshSessionDocument, { refreshToken: relogged.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const verified = await tenant.client.request(VerifyTokenDocument, { token: relogged.accessToken });
    expect(verified.verifyToken).toMatchObject({ valid: false, userId: null });
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const tenant = await newTenant(env);
    const first = tenant.session;
    const second = (await clientFor(env).request(RefreshSessionDocument, { refreshToken: first.refreshToken })).refresh;
    await expect(clientFor(env).request(RefreshSessionDocument, { refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // The thief's replay also ends the legitimate holder's newer tokens.
    await expect(clientFor(env).request(RefreshSessionDocument, { refreshToken: second.refreshToken })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(clientFor(env, second.accessToken).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const trail = await (await newTenant(env)).client.request(AuditTrailDocument, { limit: 10 });
    expect(trail.auditTrail.every((e) => e.action !== 'REFRESH_REUSE')).toBe(true);
  });

  it('switches the session to another tenant the user belongs to', async () => {
    const a = await newTenant(env);
    const b = await newTenant(env);
    await joinTenant(env, b, a.admin, 'VIEWER');
    const memberships = await a.client.request(MyMembershipsDocument);
    expect(memberships.myMemberships.map((m) => [m.tenant.slug, m.role]).sort()).toEqual(
      [
        [a.slug, 'ADMIN'],
        [b.slug, 'VIEWER'],
      ].sort(),
    );
    const switched = (await a.client.request(SwitchTenantDocument, { tenant: b.slug })).switchTenant;
    expect(switched).toMatchObject({ role: 'VIEWER', tenant: { slug: b.slug } });
    await expect(clientFor(env, switched.accessToken).request(MembersDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('applies role changes and removals within a second, without waiting for token expiry', async () => {
    const tenant = await newTenant(env);
    const user = await signUp(env);
    await joinTenant(env, tenant, user, 'ADMIN');
    const session = await logIn(env, user, tenant.slug);
    const client = clientFor(env, session.accessToken);
    await client.request(MembersDocument);
    await tenant.client.request(GrantRoleDocument, { email: user.email, role: 'VIEWER' });
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(client.request(MembersDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await tenant.client.request(RevokeMembershipDocument, { userId: user.userId });
    await new Promise((r) => setTimeout(r, 1_100));
    await expect(client.request(CurrentTenantDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('declares roles on resolvers: VIEWER and ANALYST cannot administer', async () => {
    const tenant = await newTenant(env);
    for (const role of ['VIEWER', 'ANALYST'] as const) {
      const user = await signUp(env);
      await joinTenant(env, tenant, user, role);
      const client = clientFor(env, (await logIn(env, user, tenant.slug)).accessToken);
      await expect(client.request(RegisterCollectorDocument, { input: { machineId: `m-${role}`, hostname: 'h' } })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(client.request(GrantRoleDocument, { email: user.email, role: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(client.request(AuditTrailDocument, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('writes audit events with actor, IP and outcome, readable by the tenant ADMIN', async () => {
    const tenant = await newTenant(env);
    await expect(logIn(env, { ...tenant.admin, password: 'Wrong-Password-123' }, tenant.slug)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId: 'audited', hostname: 'audited' } });
    const { auditTrail } = await tenant.client.request(AuditTrailDocument, { limit: 50 });
    const actions = auditTrail.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['TENANT_PROVISION:SUCCESS', 'KEY_ISSUED:SUCCESS']));
    const issued = auditTrail.find((e) => e.action === 'KEY_ISSUED')!;
    expect(issued.actor).toBe(tenant.admin.userId);
    expect(issued.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(JSON.stringify(auditTrail)).not.toMatch(/pa_[a-z0-9]{10}_/);
  });
});
