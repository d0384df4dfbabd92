// jest loads this file outside its module mapping, so it imports no sibling module.
import { Redis } from 'ioredis';
import pg from 'pg';

/** The servers tests run against: the environment's, else this machine's defaults. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Set in the replica topology run: a hot standby of TEST_DATABASE_URL's server. */
export const TEST_DATABASE_REPLICA_URL = process.env.DATABASE_REPLICA_URL;
/** `REDIS_CLUSTER=true`: TEST_REDIS_URL is a seed node of a Redis Cluster (the cluster topology run). */
export const TEST_REDIS_CLUSTER = process.env.REDIS_CLUSTER === 'true';

/** Set by the global setup when Redis could not be reached outside CI. */
export const REDIS_MISSING_FLAG = 'PA_TEST_REDIS_MISSING';

export async function postgresAnswers(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function redisAnswers(url: string): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    redis.disconnect();
  }
}

/**
 * Before any e2e test: PostgreSQL must answer (always). Redis must answer in CI; elsewhere
 * a missing Redis turns its tests into loud skips rather than silent passes.
 */
export default async function globalSetup(): Promise<void> {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const pgProblem = await postgresAnswers(TEST_DATABASE_URL);
  if (pgProblem) {
    throw new Error(
      `PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} does not answer (${pgProblem}). Start it or set DATABASE_URL.`,
    );
  }
  const redisProblem = await redisAnswers(TEST_REDIS_URL);
  if (redisProblem) {
    if (ci) throw new Error(`Redis at ${TEST_REDIS_URL} does not answer (${redisProblem}); CI never skips the Redis tests.`);
    process.env[REDIS_MISSING_FLAG] = '1';
    console.warn(`\n*** Redis at ${TEST_REDIS_URL} does not answer (${redisProblem}): Redis tests are SKIPPED. ***\n`);
  }
}
