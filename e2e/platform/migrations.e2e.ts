import { MIGRATIONS } from '@perfanalysis/launcher';
import {
  applyMigrations,
  createLogger,
  migrateAll,
  type MigrationPlan,
  provisionTenantSchema,
  withMigrationLock,
} from '@perfanalysis/platform';
import { TEST_DATABASE_URL } from '@perfanalysis/testenv';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The owners' migrations against a real PostgreSQL: a fresh database, and one migrated by the
 * single list that came before owners (ids `0001_init` … `0006_report_profiles`).
 */
const logger = createLogger('migrations-test', 'silent');
const TENANT = { slug: 'acme', schema: 'tenant_acme' };

/**
 * The list before owners, rebuilt from the owners' `supersedes`: each legacy id's statements
 * are those of the migrations that name it, in plan order — the same statements the old list
 * ran (a schema dump of both was compared when the list was split, docs/migrations.md).
 */
function legacyList(scope: 'public' | 'tenant'): { id: string; sql: (s: string) => string }[] {
  const groups = new Map<string, ((s: string) => string)[]>();
  for (const set of MIGRATIONS) {
    // Migrations added after the split supersede nothing: the old list never had them.
    for (const migration of set[scope].filter((m) => m.supersedes)) {
      groups.set(migration.supersedes!, [...(groups.get(migration.supersedes!) ?? []), migration.sql]);
    }
  }
  return [...groups.keys()].sort().map((id) => ({
    id,
    sql: (s) =>
      groups
        .get(id)!
        .map((sql) => sql(s))
        .join('\n'),
  }));
}

async function applyLegacy(pool: pg.Pool, skip: readonly string[] = []): Promise<void> {
  await withMigrationLock(pool, async (client) => {
    await client.query(`CREATE TABLE public.schema_migrations (schema_name text NOT NULL, id text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (schema_name, id))`);
    const apply = async (schema: string, scope: 'public' | 'tenant') => {
      for (const { id, sql } of legacyList(scope).filter((m) => !skip.includes(m.id))) {
        await client.query(sql(schema === 'public' ? 'public' : `"${schema}"`));
        await client.query('INSERT INTO public.schema_migrations (schema_name, id) VALUES ($1, $2)', [schema, id]);
      }
    };
    await apply('public', 'public');
    await client.query('INSERT INTO public.tenants (slug, name, schema_name) VALUES ($1, $1, $2)', [TENANT.slug, TENANT.schema]);
    await client.query(`CREATE SCHEMA ${TENANT.schema}`);
    await apply(TENANT.schema, 'tenant');
  });
}

async function ledger(pool: pg.Pool, schema: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM public.schema_migrations WHERE schema_name = $1 ORDER BY id', [schema]);
  return rows.map((r) => r.id);
}

/** Tables, columns with types and defaults, constraints and indexes of the two schemas. */
async function catalog(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `SELECT format('%s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type, is_nullable, column_default) AS line
       FROM information_schema.columns WHERE table_schema IN ('public', $1) AND table_name <> 'schema_migrations'
     UNION ALL
     SELECT format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint
      WHERE connamespace IN ('public'::regnamespace, $1::regnamespace)
     UNION ALL
     SELECT indexdef FROM pg_indexes WHERE schemaname IN ('public', $1)
     ORDER BY 1`,
    [TENANT.schema],
  );
  return rows.map((r) => r.line);
}

/** The owners' ids: all, only the legacy list's successors, or only those added after the split. */
function ownerIds(scope: 'public' | 'tenant', which: 'all' | 'successors' | 'added' = 'all'): string[] {
  const wanted = (superseding: boolean) => which === 'all' || (which === 'successors') === superseding;
  return MIGRATIONS.flatMap((set) => set[scope].filter((m) => wanted(Boolean(m.supersedes))).map((m) => `${set.owner}/${m.id}`));
}

describe('migrations by owner', () => {
  const databases: string[] = [];
  const pools: pg.Pool[] = [];
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });

  async function freshDatabase(): Promise<pg.Pool> {
    const name = `pa_migr_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    databases.push(name);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    pools.push(pool);
    return pool;
  }

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('upgrades a database migrated by the single list without running a statement again', async () => {
    const upgraded = await freshDatabase();
    await applyLegacy(upgraded);
    await upgraded.query(`INSERT INTO ${TENANT.schema}.collectors (machine_id, hostname) VALUES ('web-01', 'web-01')`);
    const before = await catalog(upgraded);

    const outcome = await withMigrationLock(upgraded, async (client) => ({
      public: await applyMigrations(client, 'public', MIGRATIONS, 'public'),
      tenant: await applyMigrations(client, TENANT.schema, MIGRATIONS, 'tenant'),
    }));

    // The successors are adopted without a statement; only migrations added after the split run.
    expect(outcome.public).toEqual({ ran: ownerIds('public', 'added'), adopted: ownerIds('public', 'successors') });
    expect(outcome.tenant).toEqual({ ran: ownerIds('tenant', 'added'), adopted: ownerIds('tenant', 'successors') });
    if (ownerIds('public', 'added').length + ownerIds('tenant', 'added').length === 0) expect(await catalog(upgraded)).toEqual(before);
    expect((await upgraded.query(`SELECT machine_id FROM ${TENANT.schema}.collectors`)).rows).toEqual([{ machine_id: 'web-01' }]);
    expect(await ledger(upgraded, TENANT.schema)).toEqual(
      [
        ...['0001_init', '0002_rollups', '0003_alerts', '0004_pcc_state', '0005_report_schedules', '0006_report_profiles'],
        ...ownerIds('tenant'),
      ].sort(),
    );
  });

  it('runs only what the single list had not reached, and gives the schema a fresh database gets', async () => {
    const fresh = await freshDatabase();
    await migrateAll(fresh, logger, MIGRATIONS);
    await withMigrationLock(fresh, async (client) => {
      await client.query('INSERT INTO public.tenants (slug, name, schema_name) VALUES ($1, $1, $2)', [TENANT.slug, TENANT.schema]);
      await provisionTenantSchema(client, TENANT.schema, MIGRATIONS);
    });
    const behind = await freshDatabase();
    await applyLegacy(behind, ['0003_invitations', '0006_report_profiles']);

    const outcome = await withMigrationLock(behind, async (client) => ({
      public: await applyMigrations(client, 'public', MIGRATIONS, 'public'),
      tenant: await applyMigrations(client, TENANT.schema, MIGRATIONS, 'tenant'),
    }));

    expect(outcome.public.ran).toEqual(['tenancy/0002_invitations', ...ownerIds('public', 'added')]);
    // In the plan's order: the one successor the legacy list had not reached among the added ones.
    const expected = new Set(['reports/0002_report_profiles', ...ownerIds('tenant', 'added')]);
    expect(outcome.tenant.ran).toEqual(ownerIds('tenant').filter((id) => expected.has(id)));
    expect(await catalog(behind)).toEqual(await catalog(fresh));
  });

  it('finds nothing to do on a second run', async () => {
    const pool = await freshDatabase();
    await migrateAll(pool, logger, MIGRATIONS);
    const second = await withMigrationLock(pool, (client) => applyMigrations(client, 'public', MIGRATIONS, 'public'));
    expect(second).toEqual({ ran: [], adopted: [] });
    expect(await ledger(pool, 'public')).toEqual(ownerIds('public').sort());
  });

  it('refuses to migrate or provision without the owners’ migrations, leaving nothing behind', async () => {
    const pool = await freshDatabase();
    const none: MigrationPlan = [];
    await expect(migrateAll(pool, logger, none)).rejects.toThrow(/no migrations given/);
    await expect(withMigrationLock(pool, (client) => provisionTenantSchema(client, TENANT.schema, none))).rejects.toThrow(
      /no tenant migrations/,
    );
    const { rows } = await pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [TENANT.schema]);
    expect(rows).toEqual([]);
  });
});
