import { createClient, GraphQLRequestError, type MetricPointInput, TricklePointsDocument } from '@perfanalysis/sdk';
import {
  createTestEnvironment,
  newTenant,
  startTestPostgres,
  startTestRedis,
  type TestEnvironment,
  type TestPostgres,
  type TestRedis,
  type TestTenant,
} from '@perfanalysis/testenv';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a failed call answered: HTTP status and the first `extensions.code`. */
export interface Failure {
  readonly status: number;
  readonly code: string | undefined;
  readonly retryable: unknown;
  readonly message: string;
}

/**
 * A collector trickling one point per tick through the gateway with its API key, spooling
 * what failed and replaying it in order before anything new, as the agent does.
 */
export class TrickleClient {
  readonly failures: Failure[] = [];
  /** Points the server acknowledged as newly stored. */
  accepted = 0;
  duplicates = 0;
  sent = 0;
  private readonly spool: MetricPointInput[][] = [];
  private clock: number;

  constructor(
    private readonly gatewayUrl: string,
    private readonly apiKey: string,
    /** Timestamp of the first point (ms); each next point is one second later. */
    start: number,
  ) {
    this.clock = start;
  }

  /** Queues one new point and flushes the spool (oldest first); failures stay spooled. */
  async tick(): Promise<void> {
    this.spool.push([{ timestamp: new Date(this.clock).toISOString(), cpuUser: 10, cpuSystem: 5, cpuIdle: 85, memUsedMb: this.sent }]);
    this.clock += 1000;
    this.sent += 1;
    await this.flush();
  }

  /** Sends spooled batches in order until one fails; true when the spool is empty. */
  async flush(): Promise<boolean> {
    const client = createClient({ url: this.gatewayUrl, token: this.apiKey, timeoutMs: 10_000 });
    while (this.spool.length) {
      try {
        const { tricklePoints } = await client.request(TricklePointsDocument, { points: this.spool[0]! });
        this.accepted += tricklePoints.accepted;
        this.duplicates += tricklePoints.duplicates;
        this.spool.shift();
      } catch (error) {
        this.failures.push(
          error instanceof GraphQLRequestError
            ? { status: error.status, code: error.code, retryable: error.errors[0]?.extensions?.retryable, message: error.message }
            : { status: 0, code: 'NETWORK', retryable: undefined, message: (error as Error).message },
        );
        return false;
      }
    }
    return true;
  }

  get spooled(): number {
    return this.spool.length;
  }
}

/** The `/healthz` status of every server of the environment (all 200: nothing died). */
export async function healthStatuses(env: TestEnvironment): Promise<number[]> {
  const urls = [env.gatewayUrl, ...Object.values(env.subgraphUrls)];
  return Promise.all(urls.map(async (url) => (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(5_000) })).status));
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`never happened within ${timeoutMs} ms: ${what}`);
    await sleep(200);
  }
}

/** A file's own PostgreSQL cluster and Redis (the machine's shared servers are never stopped), the platform on them and a tenant. */
export interface FaultWorld {
  readonly postgres: TestPostgres;
  readonly redis: TestRedis;
  readonly env: TestEnvironment;
  readonly tenant: TestTenant;
  /** Restarts whatever a failed test left stopped, then tears everything down. */
  stop(): Promise<void>;
}

export async function startFaultWorld(env: Record<string, string> = {}): Promise<FaultWorld> {
  const [postgres, redis] = await Promise.all([startTestPostgres(), startTestRedis()]);
  const platform = await createTestEnvironment({ postgresUrl: postgres.url, redis: true, env: { REDIS_URL: redis.url, ...env } });
  const tenant = await newTenant(platform);
  return {
    postgres,
    redis,
    env: platform,
    tenant,
    async stop() {
      await Promise.all([postgres.start(), redis.start()]);
      await platform.stop();
      await Promise.all([postgres.destroy(), redis.stop()]);
    },
  };
}
