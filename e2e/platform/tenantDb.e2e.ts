import { bindTenant, ConflictError, type TenantDb, tenantTables } from '@perfanalysis/platform';
import { TEST_DATABASE_URL } from '@perfanalysis/testenv';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * The tenant-bound handle against a real PostgreSQL (docs/tenant-db.md): two tenants' schemas
 * holding a table of the same name, reached only through handles bound to each.
 */
describe('tenant-bound database handle', () => {
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
  const run = randomBytes(4).toString('hex');
  const slugs = { a: `tdb_${run}_a`, b: `tdb_${run}_b` };
  let a: TenantDb;
  let b: TenantDb;

  beforeAll(async () => {
    a = bindTenant(pool, slugs.a);
    b = bindTenant(pool, slugs.b);
    for (const slug of Object.values(slugs)) {
      await pool.query(`CREATE SCHEMA tenant_${slug}`);
      await pool.query(`CREATE TABLE tenant_${slug}.notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL UNIQUE)`);
    }
  });

  afterAll(async () => {
    for (const slug of Object.values(slugs)) await pool.query(`DROP SCHEMA IF EXISTS tenant_${slug} CASCADE`);
    await pool.end();
  });

  it('qualifies and quotes a table name, and refuses anything else as one', () => {
    expect(a.table('notes')).toBe(`"tenant_${slugs.a}"."notes"`);
    for (const name of ['Notes', 'notes; DROP TABLE x', 'a.b', '"notes"', '', 'x'.repeat(64)]) expect(() => a.table(name)).toThrow();
  });

  it('names the same tables without a connection', () => {
    expect(tenantTables(slugs.a)).toEqual(expect.objectContaining({ tenant: slugs.a }));
    expect(tenantTables(slugs.a).table('notes')).toBe(a.table('notes'));
  });

  it('refuses a slug that is not one', () => {
    expect(() => bindTenant(pool, 'tenant"; --')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('reaches only its own tenant with the same statement', async () => {
    const insert = (db: TenantDb, name: string) =>
      db.query<{ id: string }>(`INSERT INTO ${db.table('notes')} (name) VALUES ($1) RETURNING id`, [name]);
    const { rows } = await insert(a, 'only in a');
    await insert(b, 'only in b');
    const names = async (db: TenantDb) =>
      (await db.query<{ name: string }>(`SELECT name FROM ${db.table('notes')}`)).rows.map((r) => r.name);
    expect(await names(a)).toEqual(['only in a']);
    expect(await names(b)).toEqual(['only in b']);
    expect((await b.queryById(`SELECT name FROM ${b.table('notes')} WHERE id = $1`, [rows[0]!.id])).rows).toEqual([]);
  });

  it('answers a malformed id with no row instead of a failed cast', async () => {
    const { rows } = await a.query<{ id: string }>(`INSERT INTO ${a.table('notes')} (name) VALUES ('by id') RETURNING id`);
    const byId = (id: string) => a.queryById<{ name: string }>(`SELECT name FROM ${a.table('notes')} WHERE id = $1`, [id]);
    expect((await byId(rows[0]!.id)).rows).toEqual([{ name: 'by id' }]);
    expect((await byId(rows[0]!.id.toUpperCase())).rows).toEqual([{ name: 'by id' }]);
    expect(await byId(randomUUID())).toMatchObject({ rows: [], rowCount: 0 });
    for (const id of ['', 'not-an-id', `${rows[0]!.id}'`, '1']) expect(await byId(id)).toEqual({ rows: [], rowCount: 0 });
  });

  it('maps a unique violation to the CONFLICT it is given, and passes other errors', async () => {
    const insert = (name: string) =>
      a.query(`INSERT INTO ${a.table('notes')} (name) VALUES ($1)`, [name], {
        conflict: { message: 'That name is taken.', field: 'name' },
      });
    await insert('twice');
    const refusal = await insert('twice').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal).toMatchObject({ message: 'That name is taken.', extensions: { code: 'CONFLICT', field: 'name' } });
    await expect(
      a.query(`INSERT INTO ${a.table('notes')} (name) VALUES (NULL)`, [], { conflict: { message: 'no' } }),
    ).rejects.toMatchObject({
      code: '23502',
    });
  });

  it('runs a transaction on one connection: rolled back when it throws, seen by read modules inside it', async () => {
    await expect(
      a.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${tx.table('notes')} (name) VALUES ('rolled back')`);
        // A read module handed `tx` joins the transaction and sees its uncommitted rows.
        const seen = await tx.transaction((inner) => inner.query(`SELECT 1 FROM ${inner.table('notes')} WHERE name = 'rolled back'`));
        expect(seen.rowCount).toBe(1);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await a.query(`SELECT 1 FROM ${a.table('notes')} WHERE name = 'rolled back'`)).rowCount).toBe(0);
    const committed = await a.transaction((tx) =>
      tx.transaction(() => tx.query(`INSERT INTO ${tx.table('notes')} (name) VALUES ('kept')`)),
    );
    expect(committed.rowCount).toBe(1);
    expect((await a.query(`SELECT 1 FROM ${a.table('notes')} WHERE name = 'kept'`)).rowCount).toBe(1);
  });

  it('holds a transaction lock per tenant until the transaction ends, and only inside one', async () => {
    const KEY = 4_242;
    await expect(a.tryTransactionLock(KEY)).rejects.toThrow(/inside transaction/);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const holder = a.transaction(async (tx) => {
      expect(await tx.tryTransactionLock(KEY)).toBe(true);
      locked();
      await held;
    });
    await taken;
    expect(await a.transaction((tx) => tx.tryTransactionLock(KEY))).toBe(false);
    expect(await b.transaction((tx) => tx.tryTransactionLock(KEY))).toBe(true);
    release();
    await holder;
    expect(await a.transaction((tx) => tx.tryTransactionLock(KEY))).toBe(true);
  });
});
