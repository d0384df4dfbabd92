import { MIGRATIONS } from '@perfanalysis/launcher';
import { applyMigrations, ForbiddenError, UnauthenticatedError, withMigrationLock } from '@perfanalysis/platform';
import { apiKeyByPrefix } from '@perfanalysis/subgraph-collectors/read';
import { sessionIsLive, userIdByEmail, userIsActive } from '@perfanalysis/subgraph-identity/read';
import { isMember, membershipDirectory, membershipSeat, membershipSeats, tenantByDomain } from '@perfanalysis/subgraph-tenancy/read';
import { TEST_DATABASE_URL } from '@perfanalysis/testenv';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { chooseTenant } from '../../subgraphs/identity/src/session/tenantMembership.js';

/**
 * The owners' read modules the gateway and identity now use instead of naming each other's
 * tables (docs/migrations.md "Who reads whose tables"), against a real PostgreSQL with two
 * tenants: alpha (active) and beta (deactivated). Ann belongs to both, Bob to beta only.
 */
describe('read modules for credentials and memberships', () => {
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  const name = `own_reads_${randomBytes(4).toString('hex')}`;
  let db: pg.Pool;
  const ids = { ann: '', bob: '', alpha: '', beta: '' };

  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    db = new pg.Pool({ connectionString: url.toString(), max: 4 });
    await withMigrationLock(db, (client) => applyMigrations(client, 'public', MIGRATIONS, 'public'));
    const user = async (email: string, active = true) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO users (email, display_name, password_hash, active) VALUES ($1, 'x', 'x', $2) RETURNING id`,
          [email, active],
        )
      ).rows[0]!.id;
    const tenant = async (slug: string, active: boolean) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO tenants (slug, name, active, schema_name) VALUES ($1, $1, $2, 'tenant_' || $1) RETURNING id`,
          [slug, active],
        )
      ).rows[0]!.id;
    ids.ann = await user('ann@example.com');
    ids.bob = await user('bob@example.com', false);
    ids.alpha = await tenant('alpha', true);
    ids.beta = await tenant('beta', false);
    const member = (u: string, t: string, role: string, at: string) =>
      db.query('INSERT INTO memberships (user_id, tenant_id, role, created_at) VALUES ($1, $2, $3, $4)', [u, t, role, at]);
    await member(ids.ann, ids.beta, 'VIEWER', '2026-01-01');
    await member(ids.ann, ids.alpha, 'ADMIN', '2026-02-01');
    await member(ids.bob, ids.beta, 'ANALYST', '2026-01-01');
    await db.query(`INSERT INTO domains (host, tenant_id) VALUES ('alpha.example', $1), ('beta.example', $2)`, [ids.alpha, ids.beta]);
  });

  afterAll(async () => {
    await db?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('lists a user’s seats oldest first, deactivated tenants included, and only their own', async () => {
    expect(await membershipSeats(db, ids.ann)).toEqual([
      { tenantId: ids.beta, slug: 'beta', name: 'beta', role: 'VIEWER', active: false },
      { tenantId: ids.alpha, slug: 'alpha', name: 'alpha', role: 'ADMIN', active: true },
    ]);
    expect(await membershipSeats(db, ids.bob)).toEqual([
      { tenantId: ids.beta, slug: 'beta', name: 'beta', role: 'ANALYST', active: false },
    ]);
  });

  it('answers a seat and membership for one tenant, never another tenant’s', async () => {
    expect(await membershipSeat(db, ids.ann, ids.alpha)).toMatchObject({ slug: 'alpha', role: 'ADMIN', active: true });
    expect(await membershipSeat(db, ids.bob, ids.alpha)).toBeNull();
    expect(await isMember(db, ids.bob, ids.beta)).toBe(true);
    expect(await isMember(db, ids.bob, ids.alpha)).toBe(false);
  });

  it('keeps chooseTenant’s rules over the port', async () => {
    expect(await chooseTenant(membershipDirectory, db, ids.ann, {})).toMatchObject({ slug: 'alpha', role: 'ADMIN' });
    await expect(chooseTenant(membershipDirectory, db, ids.ann, { slug: 'beta' })).rejects.toThrow(
      new UnauthenticatedError('That tenant is deactivated.'),
    );
    await expect(chooseTenant(membershipDirectory, db, ids.bob, { id: ids.alpha })).rejects.toThrow(
      new ForbiddenError('You are not a member of that tenant.'),
    );
    expect(await chooseTenant(membershipDirectory, db, ids.bob, {})).toBeNull();
  });

  it('routes a domain to its tenant with its state, and no other host', async () => {
    expect(await tenantByDomain(db, 'alpha.example')).toMatchObject({ id: ids.alpha, slug: 'alpha', active: true });
    expect(await tenantByDomain(db, 'beta.example')).toMatchObject({ id: ids.beta, active: false });
    expect(await tenantByDomain(db, 'gamma.example')).toBeNull();
  });

  it('reads accounts, sessions and API keys through their owners', async () => {
    expect(await userIdByEmail(db, 'Ann@Example.com')).toBe(ids.ann);
    expect(await userIsActive(db, ids.ann)).toBe(true);
    expect(await userIsActive(db, ids.bob)).toBe(false);
    expect(await userIsActive(db, randomUUID())).toBe(false);
    const family = randomUUID();
    await db.query(`INSERT INTO refresh_tokens (id, family_id, user_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      randomUUID(),
      family,
      ids.ann,
    ]);
    expect(await sessionIsLive(db, family)).toBe(true);
    await db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1', [family]);
    expect(await sessionIsLive(db, family)).toBe(false);
    const collectorId = randomUUID();
    await db.query(`INSERT INTO api_keys (prefix, key_hash, tenant_id, collector_id) VALUES ('pa_test', 'h', $1, $2)`, [
      ids.alpha,
      collectorId,
    ]);
    expect(await apiKeyByPrefix(db, 'pa_test')).toMatchObject({
      tenantId: ids.alpha,
      collectorId,
      keyHash: 'h',
      revoked: false,
      expiresAt: null,
    });
    expect(await apiKeyByPrefix(db, 'pa_none')).toBeNull();
  });
});
