import { startPlatform, ALL_ENTITIES, MIGRATIONS, type RunningPlatform } from '@perfanalysis/launcher';
import { createLogger, createRuntime, loadConfig, type Runtime } from '@perfanalysis/platform';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redisAvailable, TEST_DATABASE_REPLICA_URL, TEST_DATABASE_URL, TEST_REDIS_CLUSTER, TEST_REDIS_URL } from './services.js';

/** A whole platform on free ports, in its own fresh database, for one test file. */
export interface TestEnvironment {
  readonly gatewayUrl: string;
  readonly subgraphUrls: RunningPlatform['subgraphUrls'];
  readonly runtime: Runtime;
  readonly databaseUrl: string;
  /** Unique per environment: keeps parallel test files apart on one Redis. */
  readonly redisPrefix: string;
  stop(): Promise<void>;
}

export interface TestEnvironmentOptions {
  /** Use Redis for pub/sub and key-value state. @default true when Redis answers */
  readonly redis?: boolean;
  /** Extra environment variables for the platform's config. */
  readonly env?: Record<string, string>;
  /** Superuser URL of the PostgreSQL server the test's database is created in (e.g. a `startTestPostgres()`). @default TEST_DATABASE_URL */
  readonly postgresUrl?: string;
}

/** The `/metrics` bearer token of every test environment (`readMetrics` sends it). */
export const TEST_METRICS_TOKEN = 'test-metrics-token';

/** A service's Prometheus text, read as an operator's scraper would (with the token). */
export async function readMetrics(serviceUrl: string): Promise<string> {
  const response = await fetch(new URL('/metrics', serviceUrl), { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/** Rate limits of test environments unless a test overrides them: high enough never to be hit. */
export const TEST_RATE_LIMITS: Readonly<Record<string, string>> = {
  RATE_LIMIT_AUTH: '0',
  RATE_LIMIT_API: '0',
  RATE_LIMIT_UPLOAD: '0',
  RATE_LIMIT_UPLOAD_BYTES: '0',
  RATE_LIMIT_TRICKLE: '0',
  RATE_LIMIT_WS_CONNECT: '0',
  LIVE_MAX_MESSAGES_PER_SECOND: '100000',
  // Tests send wrong passwords on purpose; e2e/security/loginThrottle.e2e.ts sets the real policy.
  LOGIN_FREE_FAILURES: '100000',
};

function databaseUrlFor(name: string, server = TEST_DATABASE_URL): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(sql: string, server = TEST_DATABASE_URL, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return (await client.query(sql, values)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** The replica serves the new database once it has replayed its creation (milliseconds here). */
async function replicaUrlFor(database: string): Promise<string> {
  const replica = TEST_DATABASE_REPLICA_URL!;
  for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 50))) {
    if ((await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', replica, [database])) > 0)
      return databaseUrlFor(database, replica);
  }
  throw new Error(`the replica ${replica} never showed database ${database}`);
}

export async function createTestEnvironment(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
  const id = randomBytes(6).toString('hex');
  const database = `pa_test_${id}`;
  const server = options.postgresUrl ?? TEST_DATABASE_URL;
  await adminQuery(`CREATE DATABASE ${database}`, server);
  const databaseUrl = databaseUrlFor(database, server);
  // The replica topology run: reads that tolerate lag go to the standby of the shared server.
  const replicaUrl = TEST_DATABASE_REPLICA_URL && !options.postgresUrl ? await replicaUrlFor(database) : undefined;
  const redisPrefix = `pa_test_${id}:`;
  const useRedis = options.redis ?? redisAvailable();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    ...(replicaUrl && { DATABASE_REPLICA_URL: replicaUrl }),
    DATABASE_POOL_SIZE: '6',
    ...(useRedis && { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: redisPrefix, REDIS_CLUSTER: String(TEST_REDIS_CLUSTER) }),
    // Every test comes from 127.0.0.1 and many share a user: rate limits stay out of the way
    // unless a test sets them (e2e/security sets the real, small ones).
    ...TEST_RATE_LIMITS,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...options.env,
  });
  const logger = createLogger('test', config.logLevel);
  const runtime = await createRuntime({ service: 'test', config, entities: ALL_ENTITIES, migrations: MIGRATIONS, migrate: true, logger });
  const zero = { gateway: 0, identity: 0, tenancy: 0, collectors: 0, metrics: 0, reports: 0, alerts: 0 };
  const platform = await startPlatform(runtime, zero);
  return {
    gatewayUrl: platform.gatewayUrl,
    subgraphUrls: platform.subgraphUrls,
    runtime,
    databaseUrl,
    redisPrefix,
    async stop() {
      await platform.stop();
      await runtime.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, server);
    },
  };
}
