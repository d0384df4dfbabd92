import { ALL_ENTITIES, SUBGRAPHS } from '@perfanalysis/launcher';
import { createLogger, createRuntime, type Runtime } from '@perfanalysis/platform';
import { verifyWebhook } from '@perfanalysis/subgraph-alerts';
import type { TestEnvironment } from '@perfanalysis/testenv';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An alerts evaluator as another process would run it: its own runtime (pool, Redis
 * connections) on the environment's database and Redis prefix, with the workers on
 * (evaluation, silence sweep, webhook dispatch). The environment's own alerts service runs
 * with ALERTS_WORKERS=false, so the evaluators a test starts are the only ones.
 */
export interface Evaluator {
  readonly runtime: Runtime;
  stop(): Promise<void>;
}

export async function startEvaluator(env: TestEnvironment): Promise<Evaluator> {
  const base = env.runtime.config;
  const config = { ...base, alerts: { ...base.alerts, workers: true } };
  const runtime = await createRuntime({
    service: 'alerts-evaluator',
    config,
    entities: ALL_ENTITIES,
    logger: createLogger('alerts', config.logLevel),
  });
  const server = await SUBGRAPHS.alerts.create(runtime);
  // listen() resolves once the evaluator follows the channels of every enabled rule.
  await server.listen(0);
  let stopped: Promise<void> | undefined;
  return {
    runtime,
    stop: () =>
      (stopped ??= (async () => {
        await server.stop();
        await runtime.close();
      })()),
  };
}

/** One request a webhook receiver got. */
export interface Received {
  readonly body: string;
  readonly json: Record<string, unknown>;
  readonly signature: string;
  readonly validSignature: boolean;
  readonly answered: number;
}

/** A webhook receiver on localhost: records every request, checks its signature, answers `status(n)` (n = request number). */
export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Accepted (2xx) requests whose body has this event. */
  accepted(event: string, alertId?: string): Received[];
  until(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(secret: string, status: (n: number) => number = () => 204): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['x-perfanalysis-signature'] ?? '');
      const answered = status(received.length + 1);
      received.push({
        body,
        json: JSON.parse(body) as Record<string, unknown>,
        signature,
        validSignature: verifyWebhook(secret, body, signature),
        answered,
      });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const accepted = (event: string, alertId?: string) =>
    received.filter((r) => r.answered < 300 && r.json.event === event && (alertId === undefined || r.json.alertId === alertId));
  return {
    url,
    received,
    accepted,
    async until(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`receiver: timed out with ${JSON.stringify(received.map((r) => r.json))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
