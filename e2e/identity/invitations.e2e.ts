import {
  AcceptInvitationDocument,
  DeclineInvitationDocument,
  GrantRoleDocument,
  InvitationsDocument,
  LoginDocument,
  MeDocument,
  MyInvitationsDocument,
  MyMembershipsDocument,
  RegisterDocument,
  RevokeInvitationDocument,
} from '@perfanalysis/sdk';
import {
  clientFor,
  createTestEnvironment,
  logIn,
  newTenant,
  signUp,
  type TestEnvironment,
  type TestTenant,
  type TestUser,
} from '@perfanalysis/testenv';
import { randomBytes } from 'node:crypto';

/** Invitations instead of silent memberships, and answers that say nothing about which e-mails have accounts (docs/tenancy.md "Invitations"). */
describe('invitations and account existence', () => {
  let env: TestEnvironment;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    env = await createTestEnvironment();
    [a, b] = [await newTenant(env), await newTenant(env)];
  });
  afterAll(() => env?.stop());

  const as = async (user: TestUser) => clientFor(env, (await logIn(env, user)).accessToken);
  const invite = async (tenant: TestTenant, email: string, role: 'ADMIN' | 'ANALYST' | 'VIEWER' = 'VIEWER') =>
    (await tenant.client.request(GrantRoleDocument, { email, role })).grantRole;
  const unregistered = () => `nobody-${randomBytes(4).toString('hex')}@example.test`;

  it('invites an account and an unknown e-mail alike, and adds no membership until the invitee accepts', async () => {
    const user = await signUp(env);
    const [toAccount, toNobody] = [await invite(a, user.email), await invite(a, unregistered())];
    const shape = (grant: typeof toAccount) => ({
      ...grant,
      invitation: { ...grant.invitation!, id: 'id', email: 'email', createdAt: 'at', expiresAt: 'at' },
    });
    expect(shape(toAccount)).toEqual(shape(toNobody));
    expect(toAccount).toMatchObject({
      outcome: 'INVITED',
      membership: null,
      invitation: { status: 'PENDING', role: 'VIEWER', tenantSlug: a.slug },
    });

    const invitee = await as(user);
    expect((await invitee.request(MyMembershipsDocument)).myMemberships).toEqual([]);
    await expect(logIn(env, user, a.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await invitee.request(MyInvitationsDocument)).myInvitations.map((i) => i.id)).toEqual([toAccount.invitation!.id]);

    const { acceptInvitation } = await invitee.request(AcceptInvitationDocument, { id: toAccount.invitation!.id });
    expect(acceptInvitation).toMatchObject({ role: 'VIEWER', tenant: { slug: a.slug } });
    expect(await logIn(env, user, a.slug)).toMatchObject({ role: 'VIEWER', tenant: { slug: a.slug } });
    expect((await invitee.request(MyInvitationsDocument)).myInvitations).toEqual([]);
    await expect(invitee.request(AcceptInvitationDocument, { id: toAccount.invitation!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const listed = (await a.client.request(InvitationsDocument)).invitations;
    expect(listed.find((i) => i.id === toAccount.invitation!.id)).toMatchObject({ status: 'ACCEPTED', invitedBy: { id: a.admin.userId } });
  });

  it("changes a member's role directly (ROLE_CHANGED), and normalises the e-mail it invites", async () => {
    const user = await signUp(env, `Mixed-${randomBytes(3).toString('hex')}`);
    const first = await invite(a, `  ${user.email.toUpperCase()} `, 'ANALYST');
    expect(first.invitation!.email).toBe(user.email.toLowerCase());
    await (await as(user)).request(AcceptInvitationDocument, { id: first.invitation!.id });

    const changed = await invite(a, user.email, 'ADMIN');
    expect(changed).toMatchObject({ outcome: 'ROLE_CHANGED', invitation: null, membership: { role: 'ADMIN', user: { id: user.userId } } });
  });

  it('inviting again renews the pending invitation; declined, revoked and expired ones cannot be accepted', async () => {
    const [declining, revoked, expired] = [await signUp(env), await signUp(env), await signUp(env)];
    const once = await invite(a, declining.email, 'VIEWER');
    const again = await invite(a, declining.email, 'ANALYST');
    expect(again.invitation).toMatchObject({ id: once.invitation!.id, role: 'ANALYST' });

    const decliner = await as(declining);
    await expect(decliner.request(DeclineInvitationDocument, { id: once.invitation!.id })).resolves.toEqual({ declineInvitation: true });
    await expect(decliner.request(AcceptInvitationDocument, { id: once.invitation!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const toRevoke = (await invite(a, revoked.email)).invitation!;
    await expect(a.client.request(RevokeInvitationDocument, { id: toRevoke.id })).resolves.toEqual({ revokeInvitation: true });
    const revokedClient = await as(revoked);
    expect((await revokedClient.request(MyInvitationsDocument)).myInvitations).toEqual([]);
    await expect(revokedClient.request(AcceptInvitationDocument, { id: toRevoke.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const toExpire = (await invite(a, expired.email)).invitation!;
    await env.runtime.db.pool.query("UPDATE public.invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [toExpire.id]);
    await expect((await as(expired)).request(AcceptInvitationDocument, { id: toExpire.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const statuses = new Map((await a.client.request(InvitationsDocument)).invitations.map((i) => [i.id, i.status]));
    expect([statuses.get(once.invitation!.id), statuses.get(toRevoke.id), statuses.get(toExpire.id)]).toEqual([
      'DECLINED',
      'REVOKED',
      'EXPIRED',
    ]);
    expect((await decliner.request(MyMembershipsDocument)).myMemberships).toEqual([]);
  });

  it("keeps tenants apart: another tenant's ADMIN cannot list, revoke or accept them; nobody accepts another e-mail's", async () => {
    const [invitee, stranger] = [await signUp(env), await signUp(env)];
    const toB = (await invite(b, invitee.email, 'ADMIN')).invitation!;

    expect((await a.client.request(InvitationsDocument)).invitations.map((i) => i.id)).not.toContain(toB.id);
    await expect(a.client.request(RevokeInvitationDocument, { id: toB.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(a.client.request(AcceptInvitationDocument, { id: toB.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const strangerClient = await as(stranger);
    expect((await strangerClient.request(MyInvitationsDocument)).myInvitations).toEqual([]);
    await expect(strangerClient.request(AcceptInvitationDocument, { id: toB.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(strangerClient.request(DeclineInvitationDocument, { id: toB.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(strangerClient.request(AcceptInvitationDocument, { id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(logIn(env, stranger, b.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(logIn(env, a.admin, b.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect((await b.client.request(InvitationsDocument)).invitations.find((i) => i.id === toB.id)).toMatchObject({ status: 'PENDING' });
    const inviteeClient = await as(invitee);
    await inviteeClient.request(AcceptInvitationDocument, { id: toB.id });
    expect(await logIn(env, invitee, b.slug)).toMatchObject({ role: 'ADMIN' });
  });

  it('refuses a VIEWER or ANALYST listing, revoking or sending invitations', async () => {
    const viewer = await signUp(env);
    await (await as(viewer)).request(AcceptInvitationDocument, { id: (await invite(a, viewer.email)).invitation!.id });
    const client = clientFor(env, (await logIn(env, viewer, a.slug)).accessToken);
    const pending = (await invite(a, unregistered())).invitation!;
    await expect(client.request(InvitationsDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(client.request(RevokeInvitationDocument, { id: pending.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(client.request(GrantRoleDocument, { email: unregistered(), role: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers register the same for a new and a taken e-mail, and leaves the existing account as it was', async () => {
    const existing = await signUp(env);
    const anonymous = clientFor(env);
    const other = 'Another-Battery-Staple-7';
    const forTaken = await anonymous.request(RegisterDocument, {
      input: { email: existing.email, password: other, displayName: 'Intruder' },
    });
    const forNew = await anonymous.request(RegisterDocument, { input: { email: unregistered(), password: other, displayName: 'New' } });
    expect(forTaken).toEqual(forNew);
    expect(forTaken).toEqual({ register: true });

    await expect(anonymous.request(LoginDocument, { input: { email: existing.email, password: other } })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // Its own password still logs in; the one sent with the second registration does not.
    const owner = await as(existing);
    expect((await owner.request(MeDocument)).me).toMatchObject({
      id: existing.userId,
      displayName: expect.stringMatching(/^User /),
    });
  });
});
