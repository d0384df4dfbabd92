import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_METRICS_TOKEN, TEST_RATE_LIMITS, type TestEnvironment } from './createTestEnvironment.js';
import { freePort } from './redisServer.js';

/** The built service launcher (`npm run build`): what docker compose runs per service. */
const START_SERVICE = path.resolve(__dirname, '../../../launcher/dist/startService.js');

/** An environment's metrics subgraph in a process of its own, so that a test can SIGKILL it. */
export interface MetricsProcess {
  /** Its GraphQL endpoint; the same port across restarts. */
  readonly url: string;
  /** SIGKILL: no shutdown hook runs, in-flight requests and transactions die with it. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until `/healthz` answers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/**
 * Starts `launcher/dist/startService.js metrics` on the environment's database, Redis (same
 * prefix) and secrets. A gateway pointed at `url` then sends trickles and live views to it.
 */
export async function startMetricsProcess(env: TestEnvironment, timeoutMs = 60_000): Promise<MetricsProcess> {
  const config = env.runtime.config;
  if (!config.redis.url) throw new Error('startMetricsProcess: the environment needs Redis (live events cross processes)');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const childEnv: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: config.redis.url,
    REDIS_PREFIX: env.redisPrefix,
    REDIS_CLUSTER: String(config.redis.cluster),
    JWT_SIGNING_KEY: env.runtime.secrets.jwtSigningKey,
    INTERNAL_SECRET: env.runtime.secrets.internalSecret,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    METRICS_PORT: String(port),
    ...TEST_RATE_LIMITS,
  };
  let child: ChildProcess | undefined;
  const start = async () => {
    const running = spawn(process.execPath, [START_SERVICE, 'metrics'], { env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    child = running;
    for (const deadline = Date.now() + timeoutMs; !(await answers(url)); await new Promise((r) => setTimeout(r, 100))) {
      if (running.exitCode !== null) throw new Error(`the metrics process exited with ${running.exitCode} before answering`);
      if (Date.now() > deadline) throw new Error(`the metrics process did not answer /healthz within ${timeoutMs} ms`);
    }
  };
  const signal = async (name: NodeJS.Signals) => {
    if (!child) return;
    const gone = exited(child);
    child.kill(name);
    await gone;
  };
  await start();
  return { url, kill: () => signal('SIGKILL'), start, stop: () => signal('SIGTERM') };
}
