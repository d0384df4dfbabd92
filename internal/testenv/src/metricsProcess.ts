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
  /** SIGSTOP / SIGCONT: a process that hangs (accepts connections, answers nothing) and comes back. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** A gateway in a process of its own: a test sees it die (`exitCode`) instead of sharing its fate. */
export interface GatewayProcess {
  readonly url: string;
  /** null while it runs; the exit code once it died. */
  exitCode(): number | null;
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

type ServiceName = 'metrics' | 'gateway';

/** One service of `launcher/dist/startService.js` on the environment's database, Redis (same prefix) and secrets. */
async function startServiceProcess(env: TestEnvironment, name: ServiceName, extraEnv: Record<string, string>, timeoutMs: number) {
  const config = env.runtime.config;
  if (!config.redis.url) throw new Error(`start ${name} process: the environment needs Redis (live events cross processes)`);
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
    [`${name.toUpperCase()}_PORT`]: String(port),
    ...TEST_RATE_LIMITS,
    ...extraEnv,
  };
  let child: ChildProcess | undefined;
  const start = async () => {
    const running = spawn(process.execPath, [START_SERVICE, name], { env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    child = running;
    for (const deadline = Date.now() + timeoutMs; !(await answers(url)); await new Promise((r) => setTimeout(r, 100))) {
      if (running.exitCode !== null) throw new Error(`the ${name} process exited with ${running.exitCode} before answering`);
      if (Date.now() > deadline) throw new Error(`the ${name} process did not answer /healthz within ${timeoutMs} ms`);
    }
  };
  const signal = async (signalName: NodeJS.Signals) => {
    if (!child) return;
    const gone = exited(child);
    child.kill(signalName);
    await gone;
  };
  await start();
  return { url, start, signal, child: () => child! };
}

/**
 * Starts `launcher/dist/startService.js metrics` on the environment's database, Redis (same
 * prefix) and secrets. A gateway pointed at `url` then sends trickles and live views to it.
 */
export async function startMetricsProcess(env: TestEnvironment, timeoutMs = 60_000): Promise<MetricsProcess> {
  const { url, start, signal, child } = await startServiceProcess(env, 'metrics', {}, timeoutMs);
  return {
    url,
    kill: () => signal('SIGKILL'),
    start,
    pause: () => void child().kill('SIGSTOP'),
    resume: () => void child().kill('SIGCONT'),
    stop: async () => {
      child().kill('SIGCONT');
      await signal('SIGTERM');
    },
  };
}

/** Starts `launcher/dist/startService.js gateway` in front of the environment's subgraphs, with `subgraphUrls` overriding some. */
export async function startGatewayProcess(
  env: TestEnvironment,
  subgraphUrls: Partial<Record<keyof TestEnvironment['subgraphUrls'], string>>,
  timeoutMs = 60_000,
): Promise<GatewayProcess> {
  const urls = { ...env.subgraphUrls, ...subgraphUrls } as Record<string, string>;
  const urlEnv = Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
  const { url, signal, child } = await startServiceProcess(env, 'gateway', urlEnv, timeoutMs);
  return { url, exitCode: () => child().exitCode, stop: () => signal('SIGTERM') };
}
