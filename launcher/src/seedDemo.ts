import { poolStatement, insertApiKey } from '@perfanalysis/subgraph-collectors';
import { hashPassword } from '@perfanalysis/subgraph-identity';
import { provisionTenant } from '@perfanalysis/subgraph-tenancy';
import { quoteSchema, type Runtime, tenantSchemaName } from '@perfanalysis/platform';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const DEMO_TENANT = 'demo';
export const DEMO_EMAIL = 'admin@demo.local';

export interface DemoSeed {
  readonly tenantSlug: string;
  readonly email: string;
  /** Set only when the user was created by this call: printed once, never stored. */
  readonly password: string | undefined;
  readonly collectorId: string;
  readonly machineId: string;
  /** The local agent's key, kept in the data folder so restarts reuse it. */
  readonly apiKey: string;
}

/** 18 random bytes as base64url, plus a suffix that satisfies the strength rules. */
function randomPassword(): string {
  return `${randomBytes(18).toString('base64url')}-Aa1`;
}

async function ensureUser(runtime: Runtime): Promise<{ id: string; password: string | undefined }> {
  const { pool } = runtime.db;
  const existing = await pool.query<{ id: string }>('SELECT id FROM public.users WHERE email = $1', [DEMO_EMAIL]);
  if (existing.rows[0]) return { id: existing.rows[0].id, password: undefined };
  const password = randomPassword();
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO public.users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [DEMO_EMAIL, 'Demo Admin', await hashPassword(password)],
  );
  return { id: rows[0]!.id, password };
}

async function ensureTenant(runtime: Runtime, ownerId: string): Promise<string> {
  const { rows } = await runtime.db.pool.query<{ id: string }>('SELECT id FROM public.tenants WHERE slug = $1', [DEMO_TENANT]);
  if (rows[0]) return rows[0].id;
  return (await provisionTenant(runtime, { slug: DEMO_TENANT, name: 'Demo', ownerUserId: ownerId, primaryDomain: 'localhost' })).id;
}

async function ensureCollector(
  runtime: Runtime,
  tenantId: string,
  keyFile: string,
): Promise<{ id: string; machineId: string; apiKey: string }> {
  const machineId = hostname();
  const schema = quoteSchema(tenantSchemaName(DEMO_TENANT));
  const { rows } = await runtime.db.pool.query<{ id: string }>(
    `INSERT INTO ${schema}.collectors (machine_id, hostname, platform) VALUES ($1, $2, $3)
     ON CONFLICT (machine_id) DO UPDATE SET hostname = EXCLUDED.hostname RETURNING id`,
    [machineId, machineId, `${process.platform}-${process.arch}`],
  );
  const id = rows[0]!.id;
  const saved = existsSync(keyFile) ? (JSON.parse(readFileSync(keyFile, 'utf8')) as { collectorId: string; apiKey: string }) : undefined;
  if (saved?.collectorId === id) return { id, machineId, apiKey: saved.apiKey };
  const apiKey = await insertApiKey(poolStatement(runtime.db.pool), tenantId, id);
  writeFileSync(keyFile, JSON.stringify({ collectorId: id, apiKey }), { mode: 0o600 });
  return { id, machineId, apiKey };
}

/** A demo tenant, its ADMIN and this machine as a collector; idempotent across restarts. */
export async function seedDemo(runtime: Runtime, dataDir: string): Promise<DemoSeed> {
  mkdirSync(dataDir, { recursive: true });
  const user = await ensureUser(runtime);
  let tenantId: string;
  let collector: { id: string; machineId: string; apiKey: string };
  try {
    tenantId = await ensureTenant(runtime, user.id);
    collector = await ensureCollector(runtime, tenantId, path.join(dataDir, 'demo-agent.json'));
  } catch (error) {
    // The password is shown only once: never keep a user whose password nobody saw.
    if (user.password) await runtime.db.pool.query('DELETE FROM public.users WHERE id = $1', [user.id]);
    throw error;
  }
  return {
    tenantSlug: DEMO_TENANT,
    email: DEMO_EMAIL,
    password: user.password,
    collectorId: collector.id,
    machineId: collector.machineId,
    apiKey: collector.apiKey,
  };
}
