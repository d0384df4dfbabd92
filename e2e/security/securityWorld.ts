import {
  documentText,
  LoginDocument,
  ProvisionTenantDocument,
  RegisterCollectorDocument,
  RegisterDocument,
  SwitchTenantDocument,
} from '@perfanalysis/sdk';
import { clientFor, TEST_PASSWORD, type TestEnvironment } from '@perfanalysis/testenv';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomBytes } from 'node:crypto';

/** An HTTP answer of the gateway, read whole. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL body as it is (no client-side typing), from `ip` when the gateway trusts 127.0.0.1 as a proxy. */
export async function postGraphql(env: TestEnvironment, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const response = await fetch(env.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: RawAnswer['body'];
  try {
    parsed = JSON.parse(text) as RawAnswer['body'];
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function op<T, V>(document: TypedDocumentNode<T, V>, variables?: V): { query: string; variables?: V } {
  return { query: documentText(document), variables };
}

export const fromIp = (ip: string): Record<string, string> => ({ 'x-forwarded-for': ip });
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** A tenant whose admin signed up from `ip` (three auth calls from that address), with one collector. */
export interface SecureTenant {
  readonly slug: string;
  readonly token: string;
  readonly userId: string;
  readonly apiKey: string;
  readonly collectorId: string;
}

export async function tenantFrom(env: TestEnvironment, ip: string): Promise<SecureTenant> {
  const name = randomBytes(4).toString('hex');
  const email = `sec-${name}@example.test`;
  const anonymous = clientFor(env, undefined, fromIp(ip));
  await anonymous.request(RegisterDocument, { input: { email, password: TEST_PASSWORD, displayName: `Sec ${name}` } });
  const { login } = await anonymous.request(LoginDocument, { input: { email, password: TEST_PASSWORD } });
  const slug = `sec_${name}`;
  await clientFor(env, login.accessToken, fromIp(ip)).request(ProvisionTenantDocument, { input: { slug, name: `Sec ${name}` } });
  const { switchTenant } = await clientFor(env, login.accessToken, fromIp(ip)).request(SwitchTenantDocument, { tenant: slug });
  const { registerCollector } = await clientFor(env, switchTenant.accessToken, fromIp(ip)).request(RegisterCollectorDocument, {
    input: { machineId: `m-${name}`, hostname: `m-${name}.example.test` },
  });
  return {
    slug,
    token: switchTenant.accessToken,
    userId: login.user.id,
    apiKey: registerCollector.apiKey,
    collectorId: registerCollector.collector.id,
  };
}

/** Sends `send` until it answers 429 (at most `max` times); returns every answer. */
export async function untilLimited(send: () => Promise<RawAnswer>, max: number): Promise<RawAnswer[]> {
  const answers: RawAnswer[] = [];
  for (let i = 0; i < max; i++) {
    const answer = await send();
    answers.push(answer);
    if (answer.status === 429) break;
  }
  return answers;
}

/** The checks every RATE_LIMITED answer must pass: 429, Retry-After in seconds, typed error. */
export function expectRateLimited(answer: RawAnswer | undefined): void {
  expect(answer?.status).toBe(429);
  const retryAfter = Number(answer!.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
}
