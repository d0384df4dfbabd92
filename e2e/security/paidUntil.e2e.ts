import { CurrentTenantDocument, ProvisionTenantDocument, UpdateTenantDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ADMIN_CLI = path.resolve(__dirname, '../../launcher/dist/admin.js');

/** The operator's command line against the test's database (`npm run admin -- …`). */
async function admin(env: TestEnvironment, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [ADMIN_CLI, ...args], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: env.databaseUrl, REDIS_URL: '' },
  });
  return stdout;
}

/** The refusal a tenant gets for a setting that is the operator's: FORBIDDEN naming the field. */
const operatorOnly = (field: string) => ({
  code: 'FORBIDDEN',
  errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field, reason: 'OPERATOR_ONLY' }) })],
});

describe('paidUntil and retention belong to the operator (docs/security.md "Operator-only settings")', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
  });
  afterAll(() => env?.stop());

  it('refuses a tenant ADMIN setting its own paidUntil and changes nothing', async () => {
    await expect(
      tenant.client.request(UpdateTenantDocument, { input: { name: 'Renamed', paidUntil: '2099-01-01T00:00:00.000Z' } }),
    ).rejects.toMatchObject(operatorOnly('paidUntil'));
    const { currentTenant } = await tenant.client.request(CurrentTenantDocument);
    expect(currentTenant.paidUntil).toBeNull();
    expect(currentTenant.name).not.toBe('Renamed');
  });

  it('still lets the ADMIN rename the tenant', async () => {
    const { updateTenant } = await tenant.client.request(UpdateTenantDocument, { input: { name: 'Renamed' } });
    expect(updateTenant.name).toBe('Renamed');
  });

  it('lets the operator set and clear it from the command line', async () => {
    expect(await admin(env, 'set-paid-until', tenant.slug, '2030-06-30')).toContain('2030-06-30T00:00:00.000Z');
    expect((await tenant.client.request(CurrentTenantDocument)).currentTenant.paidUntil).toBe('2030-06-30T00:00:00.000Z');
    await admin(env, 'set-paid-until', tenant.slug, 'none');
    expect((await tenant.client.request(CurrentTenantDocument)).currentTenant.paidUntil).toBeNull();
    await expect(admin(env, 'set-paid-until', tenant.slug, 'tomorrow-ish')).rejects.toMatchObject({ code: 2 });
  });

  it("refuses a tenant ADMIN setting its own retention (the platform's disk) and changes nothing", async () => {
    await expect(
      tenant.client.request(UpdateTenantDocument, { input: { name: 'Keeps forever', retentionDays: 3650 } }),
    ).rejects.toMatchObject(operatorOnly('retentionDays'));
    const { currentTenant } = await tenant.client.request(CurrentTenantDocument);
    expect(currentTenant.retentionDays).toBe(90);
    expect(currentTenant.name).not.toBe('Keeps forever');
  });

  it('refuses a retention chosen when provisioning a tenant, and creates none', async () => {
    const slug = `${tenant.slug}_x`;
    await expect(
      clientFor(env, tenant.session.accessToken).request(ProvisionTenantDocument, { input: { slug, name: 'Big', retentionDays: 3650 } }),
    ).rejects.toMatchObject(operatorOnly('retentionDays'));
    const { rows } = await env.runtime.db.pool.query('SELECT 1 FROM public.tenants WHERE slug = $1', [slug]);
    expect(rows).toHaveLength(0);
  });

  it('lets the operator set the retention from the command line', async () => {
    expect(await admin(env, 'set-retention', tenant.slug, '400')).toContain('400 days');
    expect((await tenant.client.request(CurrentTenantDocument)).currentTenant.retentionDays).toBe(400);
  });
});
