import {
  AcceptInvitationDocument,
  createClient,
  GrantRoleDocument,
  type GraphQLClient,
  LoginDocument,
  ProvisionTenantDocument,
  RegisterCollectorDocument,
  RegisterDocument,
  type Role,
  type SessionFragment,
  SwitchTenantDocument,
} from '@perfanalysis/sdk';
import { randomBytes } from 'node:crypto';
import type { TestEnvironment } from './createTestEnvironment.js';
import { fetchWithHost } from './hostFetch.js';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

export function clientFor(env: TestEnvironment, token?: string, headers?: Record<string, string>): GraphQLClient {
  const { host, ...rest } = headers ?? {};
  return createClient({ url: env.gatewayUrl, token, headers: rest, fetch: host ? fetchWithHost(host) : undefined });
}

export interface TestUser {
  readonly email: string;
  readonly password: string;
  readonly userId: string;
}

/** Registers a new account; `register` answers only true (docs/security.md), so a login learns its id. */
export async function signUp(env: TestEnvironment, name = randomBytes(4).toString('hex')): Promise<TestUser> {
  const email = `${name}@example.test`;
  const client = clientFor(env);
  await client.request(RegisterDocument, { input: { email, password: TEST_PASSWORD, displayName: `User ${name}` } });
  const { login } = await client.request(LoginDocument, { input: { email, password: TEST_PASSWORD } });
  return { email, password: TEST_PASSWORD, userId: login.user.id };
}

export async function logIn(env: TestEnvironment, user: TestUser, tenant?: string): Promise<SessionFragment> {
  const { login } = await clientFor(env).request(LoginDocument, { input: { email: user.email, password: user.password, tenant } });
  return login;
}

export interface TestTenant {
  readonly slug: string;
  readonly id: string;
  readonly admin: TestUser;
  /** The admin's session bound to this tenant. */
  readonly session: SessionFragment;
  readonly client: GraphQLClient;
}

/** Registers an admin, provisions a tenant through the gateway and binds a session to it. */
export async function newTenant(env: TestEnvironment, slug = `t_${randomBytes(4).toString('hex')}`): Promise<TestTenant> {
  const admin = await signUp(env, `admin-${slug}`);
  const first = await logIn(env, admin);
  const { provisionTenant } = await clientFor(env, first.accessToken).request(ProvisionTenantDocument, {
    input: { slug, name: `Tenant ${slug}` },
  });
  const { switchTenant: session } = await clientFor(env, first.accessToken).request(SwitchTenantDocument, { tenant: slug });
  return { slug, id: provisionTenant.id, admin, session, client: clientFor(env, session.accessToken) };
}

/**
 * Makes `user` a member of `tenant` with `role` the only way there is: the tenant's ADMIN
 * invites the e-mail and the user accepts (docs/tenancy.md "Invitations").
 */
export async function joinTenant(env: TestEnvironment, tenant: TestTenant, user: TestUser, role: Role): Promise<void> {
  const { grantRole } = await tenant.client.request(GrantRoleDocument, { email: user.email, role });
  if (!grantRole.invitation) throw new Error(`${user.email} is already a member of ${tenant.slug}`);
  const session = await logIn(env, user);
  await clientFor(env, session.accessToken).request(AcceptInvitationDocument, { id: grantRole.invitation.id });
}

/**
 * A new user who joined `tenant` with `role` and logged in to it: that user's SDK client
 * (`timeoutMs` for slow answers such as long reports).
 */
export async function memberClient(env: TestEnvironment, tenant: TestTenant, role: Role, timeoutMs?: number): Promise<GraphQLClient> {
  const user = await signUp(env);
  await joinTenant(env, tenant, user, role);
  const { accessToken } = await logIn(env, user, tenant.slug);
  return createClient({ url: env.gatewayUrl, token: accessToken, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
}

/** A fresh tenant with one registered collector, and that collector's API key. */
export async function newTenantWithCollector(
  env: TestEnvironment,
  machineId: string,
): Promise<{ tenant: TestTenant; apiKey: string; collectorId: string }> {
  const tenant = await newTenant(env);
  const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
  return { tenant, apiKey: registerCollector.apiKey, collectorId: registerCollector.collector.id };
}
