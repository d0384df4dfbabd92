import { bindTenant, type Runtime } from '@perfanalysis/platform';
import { insertApiKey, poolStatement, registerMachine } from '@perfanalysis/subgraph-collectors';
import { createUser, deleteUser, userIdByEmail } from '@perfanalysis/subgraph-identity';
import { provisionTenant } from '@perfanalysis/subgraph-tenancy';
import { tenantBySlug } from '@perfanalysis/subgraph-tenancy/read';
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
  const existing = await userIdByEmail(runtime.db.pool, DEMO_EMAIL);
  if (existing) return { id: existing, password: undefined };
  const password = randomPassword();
  return { id: await createUser(runtime.db.pool, { email: DEMO_EMAIL, displayName: 'Demo Admin', password }), password };
}

async function ensureTenant(runtime: Runtime, ownerId: string): Promise<string> {
  const existing = await tenantBySlug(runtime.db.pool, DEMO_TENANT);
  if (existing) return existing.id;
  return (await provisionTenant(runtime, { slug: DEMO_TENANT, name: 'Demo', ownerUserId: ownerId, primaryDomain: 'localhost' })).id;
}

async function ensureCollector(
  runtime: Runtime,
  tenantId: string,
  keyFile: string,
): Promise<{ id: string; machineId: string; apiKey: string }> {
  const machineId = hostname();
  const id = await registerMachine(bindTenant(runtime.db.pool, DEMO_TENANT), {
    machineId,
    hostname: machineId,
    platform: `${process.platform}-${process.arch}`,
  });
  const saved = existsSync(keyFile) ? (JSON.parse(readFileSync(keyFile, 'utf8')) as { collectorId: string; apiKey: string }) : undefined;
  if (saved?.collectorId === id) return { id, machineId, apiKey: saved.apiKey };
  const apiKey = await insertApiKey(poolStatement(runtime.db.pool), tenantId, id);
  writeFileSync(keyFile, JSON.stringify({ collectorId: id, apiKey }), { mode: 0o600 });
  return { id, machineId, apiKey };
}

/** A demo tenant, its ADMIN and this machine as a collector, through the owners' modules; idempotent across restarts. */
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
    if (user.password) await deleteUser(runtime.db.pool, user.id);
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
