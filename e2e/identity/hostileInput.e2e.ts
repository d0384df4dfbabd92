import { ProvisionTenantDocument, RegisterDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, TEST_PASSWORD, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';

const HOSTILE = [
  "x'; DROP SCHEMA public CASCADE; --",
  'tenant_a"; DROP TABLE users; --',
  'ＡＢＣ',
  'abc\u0000def',
  'abc\u202Eevil',
  'a'.repeat(41),
  'Ab',
  '../../etc/passwd',
  '',
  ' ',
  '🙂🙂🙂',
];

describe('hostile strings are refused with BAD_USER_INPUT and write nothing', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
  });
  afterAll(() => env?.stop());

  async function counts(): Promise<string> {
    const { rows } = await env.runtime.db.pool.query(
      `SELECT (SELECT count(*) FROM public.tenants) t, (SELECT count(*) FROM public.users) u,
              (SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'tenant_%') s`,
    );
    return JSON.stringify(rows[0]);
  }

  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 40), s]))('tenant slug %s', async (_label, slug) => {
    const before = await counts();
    await expect(tenant.client.request(ProvisionTenantDocument, { input: { slug, name: 'ok' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await counts()).toBe(before);
  });

  it.each(['', ' ', 'x\u0000y', 'a\u202Eb', 'n'.repeat(201)].map((s) => [JSON.stringify(s).slice(0, 30), s]))(
    'tenant name %s',
    async (_l, name) => {
      const before = await counts();
      await expect(tenant.client.request(ProvisionTenantDocument, { input: { slug: 'fine_slug', name } })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(await counts()).toBe(before);
    },
  );

  it.each(['a b@x.test', 'no-at-sign', '@nouser.test', 'x@', `${'e'.repeat(330)}@x.test`, 'a@b.c\u0000'].map((s) => [s.slice(0, 30), s]))(
    'e-mail %s',
    async (_l, email) => {
      const before = await counts();
      await expect(
        clientFor(env).request(RegisterDocument, { input: { email, password: TEST_PASSWORD, displayName: 'x' } }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(await counts()).toBe(before);
    },
  );

  it('refuses weak passwords with every reason spelled out', async () => {
    const error = await clientFor(env)
      .request(RegisterDocument, { input: { email: 'weak@x.test', password: 'aaaaaaaa', displayName: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(error)).toMatch(/at least 12 characters/);
    expect(String(error)).toMatch(/three of/);
  });

  it('answers a 10 MB string with PAYLOAD_TOO_LARGE, not a 500', async () => {
    const before = await counts();
    const huge = 'a'.repeat(10 * 1024 * 1024);
    await expect(tenant.client.request(ProvisionTenantDocument, { input: { slug: huge, name: huge } })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
    expect(await counts()).toBe(before);
  });

  it('answers malformed JSON with BAD_REQUEST', async () => {
    const response = await fetch(env.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});
