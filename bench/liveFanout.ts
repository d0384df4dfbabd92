/**
 * Live fan-out through the gateway: publish → subscriber latency, and gateway memory per idle
 * subscription. The platform (gateway + subgraphs, real PostgreSQL and Redis) runs in this
 * process; the graphql-ws subscribers run in a child process, so that their work does not
 * share an event loop with the gateway.
 *
 *   npx esbuild bench/liveFanout.ts --bundle --platform=node --packages=external --outfile=bench/dist/liveFanout.js
 *   node --expose-gc bench/dist/liveFanout.js latency [subscribers=200] [collectors=10] [seconds=30]
 *   node --expose-gc bench/dist/liveFanout.js idle [subscriptions=2000]
 *
 * Latency is from the agent's send (the point's timestamp, taken just before the trickle
 * request) to the subscriber's receipt, so it includes the trickle request, storage, Redis,
 * the metrics subgraph, the gateway (with `collector { id hostname }` resolved from the
 * collectors subgraph) and the client socket.
 */
import {
  type LivePointsSubscription,
  LivePointsDocument,
  RegisterCollectorDocument,
  TricklePointsDocument,
  createClient,
} from '@perfanalysis/sdk';
import { connectLive, createTestEnvironment, newTenant, type LiveConnection } from '@perfanalysis/testenv';
import { fork } from 'node:child_process';

type ToClient =
  | { kind: 'open'; url: string; token: string; collectorIds: string[]; count: number }
  | { kind: 'report' }
  | { kind: 'close' };
/** Receipts: [point timestamp, collector index, received at] flattened. */
type FromClient = { kind: 'live'; ready: number } | { kind: 'report'; received: number; receipts: number[] } | { kind: 'closed' };

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}

/** The child: opens `count` connections with one identical subscription each, records latencies. */
function runClient(): void {
  const connections: LiveConnection[] = [];
  const receipts: number[] = [];
  let received = 0;
  let live = 0;
  process.on('message', async (message: ToClient) => {
    if (message.kind === 'open') {
      for (let i = 0; i < message.count; i += 1) {
        const connection = connectLive(message.url, message.token);
        connections.push(connection);
        let first = true;
        connection.client.subscribe<LivePointsSubscription>(
          {
            query: (await import('@perfanalysis/sdk')).documentText(LivePointsDocument),
            variables: { collectorIds: message.collectorIds },
          },
          {
            next: ({ data }) => {
              const now = Date.now();
              if (first) {
                first = false;
                live += 1;
                process.send!({ kind: 'live', ready: live } satisfies FromClient);
              }
              const point = data!.livePoints;
              if (point.memUsedMb !== 999) {
                received += 1;
                receipts.push(Date.parse(point.timestamp as string), message.collectorIds.indexOf(point.collector.id), now);
              }
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
        if (i % 100 === 99) await new Promise((r) => setTimeout(r, 20));
      }
    } else if (message.kind === 'report') {
      process.send!({ kind: 'report', received, receipts } satisfies FromClient);
      receipts.length = 0;
      received = 0;
    } else {
      await Promise.all(connections.map((c) => c.close()));
      process.send!({ kind: 'closed' } satisfies FromClient);
      process.exit(0);
    }
  });
}

async function gaugeOf(url: string, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : NaN;
}

function memoryMb(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss / 1_048_576, heap: (usage.heapUsed + usage.external) / 1_048_576 };
}

/** RSS and heap of this process (the platform) before and after `count` idle subscriptions, one connection each. */
async function idleMemory(
  url: string,
  token: string,
  collectorIds: string[],
  count: number,
  send: (message: ToClient) => void,
  next: (kind: 'closed') => Promise<unknown>,
): Promise<void> {
  // Warm-up: the first connections load code and grow pools that later ones reuse.
  const warm = fork(__filename, ['--client'], { stdio: 'inherit' });
  warm.send({ kind: 'open', url, token, collectorIds, count: 100 } satisfies ToClient);
  while ((await gaugeOf(url, 'subscriptions_open')) < 100) await new Promise((r) => setTimeout(r, 200));
  warm.kill();
  while ((await gaugeOf(url, 'subscriptions_open')) > 0) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 2000));
  const before = memoryMb();
  send({ kind: 'open', url, token, collectorIds, count });
  for (let waited = 0; (await gaugeOf(url, 'subscriptions_open')) < count && waited < 240; waited += 1)
    await new Promise((r) => setTimeout(r, 500));
  await new Promise((r) => setTimeout(r, 3000));
  const after = memoryMb();
  const open = await gaugeOf(url, 'subscriptions_open');
  const upstreams = await gaugeOf(url, 'subscription_upstreams_open');
  const per = (a: number, b: number) => (((b - a) * 1024) / open).toFixed(1);
  console.log(
    `idle: ${open} subscriptions (one connection each), ${upstreams} upstream: platform RSS ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MB ` +
      `(${per(before.rss, after.rss)} KB each), heap+external ${before.heap.toFixed(1)} → ${after.heap.toFixed(1)} MB (${per(before.heap, after.heap)} KB each)`,
  );
  send({ kind: 'close' });
  await next('closed');
}

async function main(): Promise<void> {
  const mode = process.argv[2] === 'idle' ? 'idle' : 'latency';
  const [first = mode === 'idle' ? 2000 : 200, collectorCount = 10, seconds = 30] = process.argv.slice(3).map(Number);
  const subscribers = first;
  const idle = first;
  const env = await createTestEnvironment({ env: { LOG_LEVEL: 'silent' } });
  const child = fork(__filename, ['--client'], { stdio: 'inherit' });
  const inbox: FromClient[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (m: FromClient) => {
    inbox.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async <K extends FromClient['kind']>(kind: K): Promise<Extract<FromClient, { kind: K }>> => {
    for (;;) {
      const index = inbox.findIndex((m) => m.kind === kind);
      if (index >= 0) return inbox.splice(index, 1)[0] as Extract<FromClient, { kind: K }>;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const send = (message: ToClient) => child.send(message);

  try {
    const tenant = await newTenant(env);
    const collectors: { id: string; client: ReturnType<typeof createClient> }[] = [];
    for (let i = 0; i < collectorCount; i += 1) {
      const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
        input: { machineId: `bench-${i}`, hostname: `bench-${i}.example.test` },
      });
      collectors.push({
        id: registerCollector.collector.id,
        client: createClient({ url: env.gatewayUrl, token: registerCollector.apiKey }),
      });
    }
    const ids = collectors.map((c) => c.id);
    const trickleAt = (c: (typeof collectors)[number], t: number, memUsedMb: number) =>
      c.client.request(TricklePointsDocument, { points: [{ timestamp: new Date(t).toISOString(), cpuUser: 10, cpuSystem: 5, memUsedMb }] });

    if (mode === 'idle') {
      await idleMemory(env.gatewayUrl, tenant.session.accessToken, ids, idle, send, next);
      return;
    }
    // ---- latency: `subscribers` identical subscriptions, `collectorCount` agents at 1 Hz ----
    send({ kind: 'open', url: env.gatewayUrl, token: tenant.session.accessToken, collectorIds: ids, count: subscribers });
    let probe = Date.now() - 120_000;
    for (;;) {
      await trickleAt(collectors[0]!, (probe += 1), 999);
      await new Promise((r) => setTimeout(r, 200));
      const ready = inbox.filter((m) => m.kind === 'live').length;
      if (ready >= subscribers) break;
    }
    inbox.length = 0;
    send({ kind: 'report' });
    await next('report');
    console.log(
      `gateway: ${await gaugeOf(env.gatewayUrl, 'subscriptions_open')} subscriptions, ${await gaugeOf(env.gatewayUrl, 'subscription_upstreams_open')} upstream`,
    );

    // When the platform's Redis subscriber got each point (the "published" instant).
    const published = new Map<string, number>();
    const unsubscribes = await Promise.all(
      collectors.map((c, index) =>
        env.runtime.pubsub.subscribe(`points:${tenant.id}:${c.id}`, (text) => {
          const at = Date.now();
          for (const p of (JSON.parse(text) as { p: { t: number }[] }).p) published.set(`${index}:${p.t}`, at);
        }),
      ),
    );
    const trickleLatencies: number[] = [];
    const started = Date.now();
    const timers = collectors.map((c, i) =>
      setTimeout(
        () => {
          const tick = setInterval(() => {
            const t = Date.now();
            void trickleAt(c, t, 1).then(() => trickleLatencies.push(Date.now() - t));
          }, 1000);
          timers.push(tick as unknown as NodeJS.Timeout);
        },
        (i * 1000) / collectorCount,
      ),
    );
    await new Promise((r) => setTimeout(r, seconds * 1000));
    timers.forEach((t) => clearInterval(t));
    await new Promise((r) => setTimeout(r, 1500));
    send({ kind: 'report' });
    const report = await next('report');
    await Promise.all(unsubscribes.map((u) => u()));
    const endToEnd: number[] = [];
    const fromPublish: number[] = [];
    for (let i = 0; i < report.receipts.length; i += 3) {
      const [t, c, at] = [report.receipts[i]!, report.receipts[i + 1]!, report.receipts[i + 2]!];
      endToEnd.push(at - t);
      const pub = published.get(`${c}:${t}`);
      if (pub !== undefined) fromPublish.push(at - pub);
    }
    const sorted = endToEnd.sort((a, b) => a - b);
    const sortedPublish = fromPublish.sort((a, b) => a - b);
    const expected = trickleLatencies.length * subscribers;
    const trickleSorted = trickleLatencies.sort((a, b) => a - b);
    const dropped = await gaugeOf(env.gatewayUrl, 'subscription_events_dropped_total');
    console.log(
      `fan-out: ${subscribers} subscribers × ${collectorCount} collectors at 1 Hz for ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
        `${report.received}/${expected} events, dropped ${dropped}\n` +
        `  publish (Redis) → subscriber: p50 ${quantile(sortedPublish, 0.5)} ms, p99 ${quantile(sortedPublish, 0.99)} ms, max ${sortedPublish.at(-1)} ms\n` +
        `  agent send → subscriber:      p50 ${quantile(sorted, 0.5)} ms, p99 ${quantile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms\n` +
        `  trickle request (send → ack): p50 ${quantile(trickleSorted, 0.5)} ms, p99 ${quantile(trickleSorted, 0.99)} ms`,
    );
    const metricsText = await (await fetch(new URL('/metrics', env.gatewayUrl))).text();
    const processing = metricsText.split('\n').filter((l) => l.startsWith('subscription_event_processing_seconds_'));
    console.log(`  gateway per-event processing (histogram): ${processing.filter((l) => /_sum|_count/.test(l)).join('; ')}`);
    send({ kind: 'close' });
    await next('closed');
  } finally {
    child.kill();
    await env.stop();
  }
}

if (process.argv.includes('--client')) runClient();
else
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
