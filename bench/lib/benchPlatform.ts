import { IDENTITY_HEADER, type RequestIdentity, signIdentity, tenantSchemaName } from '@perfanalysis/platform';
import {
  createClient,
  type GraphQLClient,
  LoginDocument,
  ProvisionTenantDocument,
  RegisterCollectorDocument,
  RegisterDocument,
  SwitchTenantDocument,
} from '@perfanalysis/sdk';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import pg from 'pg';

/** The services' `/metrics` bearer token for this run (bench/lib/gauges.ts sends it). */
export const BENCH_METRICS_TOKEN = randomBytes(16).toString('hex');

export const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVICES = ['identity', 'tenancy', 'collectors', 'metrics', 'reports'] as const;
type Service = (typeof SERVICES)[number] | 'gateway';

/** The platform as deployed: every subgraph and the gateway in its own process, on one fresh database. */
export interface BenchPlatform {
  readonly gatewayUrl: string;
  readonly urls: Readonly<Record<Service, string>>;
  readonly pids: Readonly<Record<Service, number>>;
  readonly databaseUrl: string;
  readonly redisPrefix: string;
  readonly internalSecret: string;
  readonly pool: pg.Pool;
  /** One more gateway process in front of the same subgraphs (a fresh heap for a memory figure); stopped with the platform. */
  startGateway(): Promise<{ readonly url: string; readonly pid: number; stop(): void }>;
  /** SIGKILLs a subgraph's process (no shutdown hook runs) and waits until it is gone: the metrics-kill drill. */
  killService(name: (typeof SERVICES)[number]): Promise<void>;
  /** Starts a killed subgraph again on its port and waits until it answers. */
  restartService(name: (typeof SERVICES)[number]): Promise<void>;
  stop(): Promise<void>;
}

export interface BenchTenant {
  readonly id: string;
  readonly slug: string;
  readonly schema: string;
  readonly token: string;
  readonly userId: string;
  readonly email: string;
  readonly client: GraphQLClient;
}

export interface BenchCollector {
  readonly id: string;
  readonly machineId: string;
  readonly apiKey: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Copies `from` to `to` line by line, each line behind `tag`. */
function prefixLines(from: Readable, to: NodeJS.WritableStream, tag: string): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${tag}${line}\n`));
}

/** Five services migrating and starting at once took over 120 s at load 35 on the shared 2-core machine. */
async function waitHealthy(url: string, child: ChildProcess, name: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer /healthz within ${timeoutMs / 1000} s`);
}

/** Starts the subgraphs (in parallel) and then the gateway with `launcher/dist/startService.js`. */
export async function startBenchPlatform(extraEnv: Record<string, string> = {}): Promise<BenchPlatform> {
  const id = randomBytes(5).toString('hex');
  const database = `pa_bench_${id}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const internalSecret = randomBytes(32).toString('hex');
  const redisPrefix = `pa_bench_${id}:`;
  const ports = {} as Record<Service, number>;
  for (const name of [...SERVICES, 'gateway'] as const) ports[name] = await freePort();
  const urls = {} as Record<Service, string>;
  for (const name of [...SERVICES, 'gateway'] as const) urls[name] = `http://127.0.0.1:${ports[name]}/graphql`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    JWT_SIGNING_KEY: randomBytes(32).toString('hex'),
    INTERNAL_SECRET: internalSecret,
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    // The benchmark is one client hammering one tenant: the per-client limits would measure themselves.
    RATE_LIMIT_AUTH: '0',
    RATE_LIMIT_API: '0',
    RATE_LIMIT_UPLOAD: '0',
    RATE_LIMIT_UPLOAD_BYTES: '0',
    // BENCH_TRICKLE_LIMIT=120 (the production default) charges every trickle to its key's budget, as deployed.
    RATE_LIMIT_TRICKLE: process.env.BENCH_TRICKLE_LIMIT ?? '0',
    RATE_LIMIT_WS_CONNECT: '0',
    UPLOAD_MAX_BYTES: String(512 * 1024 * 1024),
    UPLOAD_MAX_ROWS: '2000000',
    ...Object.fromEntries([...SERVICES, 'gateway'].map((n) => [`${n.toUpperCase()}_PORT`, String(ports[n as Service])])),
    ...Object.fromEntries(SERVICES.map((n) => [`${n.toUpperCase()}_URL`, urls[n]])),
    // E.g. `--max-old-space-size=256` for the services only (the runner itself needs its own heap).
    ...(process.env.BENCH_SERVICE_NODE_OPTIONS && { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS }),
    ...extraEnv,
  };
  const script = path.resolve(__dirname, '../../launcher/dist/startService.js');
  const children: ChildProcess[] = [];
  const latest = {} as Record<Service, ChildProcess>;
  // Node refuses --cpu-prof in NODE_OPTIONS: a profile (written on the SIGTERM exit) needs it on the command line.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  let stopping = false;
  const start = (name: Service) => {
    const child = spawn(process.execPath, [...profile, script, name], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Every line a service writes names it: a crash report in the runner's output (an unhandled
    // rejection prints no service) must say which process died.
    const tag = `[${name} ${child.pid}] `;
    prefixLines(child.stdout!, process.stdout, tag);
    prefixLines(child.stderr!, process.stderr, tag);
    child.once('exit', (code, signal) => {
      if (!stopping && signal !== 'SIGKILL') console.error(`${tag}exited unexpectedly (code ${code}, signal ${signal})`);
    });
    children.push(child);
    latest[name] = child;
    return child;
  };
  const stop = async () => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            // Writing a CPU profile at exit takes a while on a busy machine: killed earlier, it writes nothing.
            const kill = setTimeout(() => child.kill('SIGKILL'), profile.length ? 120_000 : 10_000);
            child.once('exit', () => (clearTimeout(kill), resolve()));
            child.kill('SIGTERM');
          }),
      ),
    );
    await pool.end().catch(() => undefined);
    // DROP DATABASE waits for every backend of the cluster to acknowledge it: one stuck elsewhere must not hang the runner.
    const dropped = await Promise.race([
      adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).then(
        () => true,
        () => false,
      ),
      new Promise<false>((r) => setTimeout(() => r(false), 20_000).unref()),
    ]);
    if (!dropped) console.warn(`bench: database ${database} not dropped (drop it by hand)`);
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const pids = {} as Record<Service, number>;
  try {
    // The first service migrates the whole database under an advisory lock; the others wait on it.
    const subgraphs = SERVICES.map((name) => [name, start(name)] as const);
    await Promise.all(subgraphs.map(([name, child]) => waitHealthy(urls[name], child, name)));
    const gateway = start('gateway');
    await waitHealthy(urls.gateway, gateway, 'gateway');
    for (const [name, child] of [...subgraphs, ['gateway', gateway] as const]) pids[name] = child.pid!;
    if (profile.length) console.log(`bench: CPU profiles (CPU.*.<pid>.*.cpuprofile) of ${JSON.stringify(pids)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const startGateway = async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    env.GATEWAY_PORT = String(port);
    const child = start('gateway');
    await waitHealthy(url, child, 'extra gateway');
    return { url, pid: child.pid!, stop: () => void child.kill('SIGTERM') };
  };
  const killService = async (name: (typeof SERVICES)[number]) => {
    const child = latest[name];
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  const restartService = async (name: (typeof SERVICES)[number]) => {
    const child = start(name);
    await waitHealthy(urls[name], child, name);
    pids[name] = child.pid!;
  };
  return {
    gatewayUrl: urls.gateway,
    urls,
    pids,
    databaseUrl,
    redisPrefix,
    internalSecret,
    pool,
    startGateway,
    killService,
    restartService,
    stop,
  };
}

/** Registers an admin, provisions a tenant and binds a session to it, all through the gateway. */
export async function newBenchTenant(platform: BenchPlatform): Promise<BenchTenant> {
  const slug = `b_${randomBytes(4).toString('hex')}`;
  const email = `admin-${slug}@example.test`;
  const password = 'Correct-Horse-Battery-9';
  const anonymous = createClient({ url: platform.gatewayUrl });
  await anonymous.request(RegisterDocument, { input: { email, password, displayName: 'Bench admin' } });
  const { login } = await anonymous.request(LoginDocument, { input: { email, password } });
  const first = createClient({ url: platform.gatewayUrl, token: login.accessToken });
  const { provisionTenant } = await first.request(ProvisionTenantDocument, { input: { slug, name: `Bench ${slug}` } });
  const { switchTenant } = await first.request(SwitchTenantDocument, { tenant: slug });
  return {
    id: provisionTenant.id,
    slug,
    schema: tenantSchemaName(slug),
    token: switchTenant.accessToken,
    userId: login.user.id,
    email,
    client: createClient({ url: platform.gatewayUrl, token: switchTenant.accessToken }),
  };
}

export async function registerCollector(tenant: BenchTenant, machineId: string): Promise<BenchCollector> {
  const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
    input: { machineId, hostname: `${machineId}.bench.example` },
  });
  return { id: registerCollector.collector.id, machineId, apiKey: registerCollector.apiKey };
}

/** The identity header the gateway would sign for this principal: lets a benchmark ask a subgraph directly. */
export function signedAs(
  platform: BenchPlatform,
  tenant: BenchTenant,
  principal: { kind: 'admin' } | { kind: 'collector'; collectorId: string },
): Record<string, string> {
  const identity: RequestIdentity = {
    principal:
      principal.kind === 'collector'
        ? { kind: 'collector', collectorId: principal.collectorId, keyId: 'k', scopes: [] }
        : { kind: 'user', userId: tenant.userId, email: tenant.email, sessionId: 's', role: 'ADMIN' },
    tenant: { id: tenant.id, slug: tenant.slug },
    ip: '127.0.0.1',
  };
  return { [IDENTITY_HEADER]: signIdentity(identity, platform.internalSecret) };
}
