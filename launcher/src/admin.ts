import { announceTenantActivity, createRuntime, loadConfig, type Role, ROLES, type Runtime } from '@perfanalysis/platform';
import { assertStrongPassword, createUser, setPassword, userIdByEmail } from '@perfanalysis/subgraph-identity';
import { grantMembership, provisionTenant, updateTenantSettings } from '@perfanalysis/subgraph-tenancy';
import { randomBytes } from 'node:crypto';
import { FLEET_COMMANDS, FLEET_USAGE, UsageError } from './fleetAdminCommands.js';
import { MIGRATIONS } from './migrations.js';
import { ALL_ENTITIES } from './subgraphs.js';

const USAGE = `usage: npm run admin -- <command> [arguments]

  create-tenant <slug> <name> [owner-email]   provision a tenant (its data in its own schema, docs/tenancy.md)
  create-user <email> <display name>          register a user; prints a random password
  set-password <email>                        set a new random password; prints it, closes sessions
  grant <email> <tenant-slug> <ADMIN|ANALYST|VIEWER>
  deactivate-tenant <slug> | activate-tenant <slug>
  set-paid-until <slug> <YYYY-MM-DD|ISO time|none>   what the tenant has paid for (tenants cannot set it)
${FLEET_USAGE}

Uses DATABASE_URL, else the embedded PostgreSQL of \`npm start\`.`;

function randomPassword(): string {
  return `${randomBytes(18).toString('base64url')}-Aa1`;
}

async function userId(runtime: Runtime, email: string): Promise<string> {
  const id = await userIdByEmail(runtime.db.pool, email);
  if (!id) throw new UsageError(`no user ${email}`);
  return id;
}

const COMMANDS: Record<string, (runtime: Runtime, args: string[]) => Promise<string>> = {
  async 'create-tenant'(runtime, [slug, name, owner]) {
    if (!slug || !name) throw new UsageError('create-tenant needs <slug> <name>');
    const tenant = await provisionTenant(runtime, { slug, name, ownerUserId: owner ? await userId(runtime, owner) : undefined });
    return `tenant ${tenant.slug} provisioned`;
  },
  async 'create-user'(runtime, [email, ...name]) {
    if (!email || name.length === 0) throw new UsageError('create-user needs <email> <display name>');
    const password = randomPassword();
    assertStrongPassword(password, email);
    await createUser(runtime.db.pool, { email, displayName: name.join(' '), password });
    return `user ${email} created; password (shown once): ${password}`;
  },
  async 'set-password'(runtime, [email]) {
    if (!email) throw new UsageError('set-password needs <email>');
    const id = await userId(runtime, email);
    const password = randomPassword();
    await setPassword(runtime.db.pool, id, password);
    return `password of ${email} set (shown once): ${password}`;
  },
  async grant(runtime, [email, slug, role]) {
    if (!email || !slug || !ROLES.includes(role as Role)) throw new UsageError('grant needs <email> <tenant-slug> <ADMIN|ANALYST|VIEWER>');
    if (!(await grantMembership(runtime.db.pool, await userId(runtime, email), slug, role as Role)))
      throw new UsageError(`no tenant ${slug}`);
    return `${email} is ${role} of ${slug}`;
  },
  async 'set-paid-until'(runtime, [slug, until]) {
    const paidUntil = until === 'none' ? null : until ? new Date(until) : undefined;
    if (!slug || paidUntil === undefined || (paidUntil && Number.isNaN(paidUntil.getTime()))) {
      throw new UsageError('set-paid-until needs <slug> <YYYY-MM-DD|ISO time|none>');
    }
    if (!(await updateTenantSettings(runtime.db.pool, slug, { paidUntil }))) throw new UsageError(`no tenant ${slug}`);
    return `tenant ${slug} paid until ${paidUntil ? paidUntil.toISOString() : 'none'}`;
  },
  'deactivate-tenant': (runtime, [slug]) => setActive(runtime, slug, false),
  'activate-tenant': (runtime, [slug]) => setActive(runtime, slug, true),
  ...FLEET_COMMANDS,
};

async function setActive(runtime: Runtime, slug: string | undefined, active: boolean): Promise<string> {
  const id = slug ? await updateTenantSettings(runtime.db.pool, slug, { active }) : null;
  if (!id) throw new UsageError(`no tenant ${slug}`);
  await announceTenantActivity(runtime.pubsub, id, runtime.logger);
  return `tenant ${slug} ${active ? 'activated' : 'deactivated'}`;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const runtime = await createRuntime({ service: 'admin', config, entities: ALL_ENTITIES, migrations: MIGRATIONS, migrate: true });
  try {
    console.log(await run(runtime, args));
  } catch (error) {
    console.error(`admin ${command}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await runtime.close();
  }
}

void main();
