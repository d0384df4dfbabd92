/**
 * `npm run soak`: a long run of the live path under steady load, reported per minute.
 *
 *   npm run soak                                        10 minutes, 100 collectors, 200 subscribers
 *   npm run soak -- --minutes 3 --collectors 20 --subscribers 40
 *   SOAK_GATEWAY_URL=http://host:4000/graphql npm run soak   against a running gateway (RSS is then this process's only)
 *   npm run soak -- --drill metrics-kill --collectors 1000 --subscribers 200
 *       the metrics process SIGKILLed and restarted under that fleet, then every point and view counted
 *       (bench/lib/metricsKillSoak.ts)
 *
 * Options (flags or env): --minutes / SOAK_MINUTES (10), --collectors / SOAK_COLLECTORS (100),
 * --subscribers / SOAK_SUBSCRIBERS (200), --per-socket / SOAK_SUBSCRIBERS_PER_SOCKET (1),
 * --gateway / SOAK_GATEWAY_URL (unset: the platform is started here, every service its own process,
 * on a fresh database of the local PostgreSQL and the local Redis, as `npm run bench` does).
 *
 * Each simulated collector trickles one point a second through the gateway with its API key (the
 * typed SDK); each subscriber watches one collector's live points over graphql-ws. Per minute it
 * prints the RSS of every platform process, the send→receive latency p99 of live points (a point's
 * timestamp is its send time), the trickle acknowledgement p99, errors, and drops (deliveries
 * expected from acknowledged points but not received).
 */
import { createClient as createSdkClient, type GraphQLClient, TricklePointsDocument } from '@perfanalysis/sdk';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { type BenchCollector, type BenchPlatform, newBenchTenant, registerCollector, startBenchPlatform } from './lib/benchPlatform.js';
import { soakMetricsKill } from './lib/metricsKillSoak.js';

interface Options {
  readonly minutes: number;
  readonly collectors: number;
  readonly subscribers: number;
  readonly perSocket: number;
  readonly gatewayUrl: string | undefined;
  /** `metrics-kill`: the drill instead of the timed soak. */
  readonly drill: string | undefined;
}

function options(argv: readonly string[]): Options {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, env: string, fallback: number) => {
    const raw = flag(name) ?? process.env[env];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} / ${env} must be a positive number, got "${raw}"`);
    return value;
  };
  return {
    minutes: number('minutes', 'SOAK_MINUTES', 10),
    collectors: Math.round(number('collectors', 'SOAK_COLLECTORS', 100)),
    subscribers: Math.round(number('subscribers', 'SOAK_SUBSCRIBERS', 200)),
    perSocket: Math.round(number('per-socket', 'SOAK_SUBSCRIBERS_PER_SOCKET', 1)),
    gatewayUrl: flag('gateway') ?? process.env.SOAK_GATEWAY_URL,
    drill: flag('drill') ?? process.env.SOAK_DRILL,
  };
}

const LIVE = `subscription Soak($ids: [ID!]) { livePoints(collectorIds: $ids, groups: [CPU]) { timestamp collector { id } } }`;

function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
  } catch {
    return NaN; // the process is gone
  }
}

function p99(samples: number[]): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

/** The first few distinct error messages, printed at the end. */
const errorSamples = new Map<string, number>();
function noteError(error: unknown): void {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error && 'code' in error
        ? `close ${String((error as { code: unknown }).code)} ${String((error as { reason?: unknown }).reason ?? '')}`
        : JSON.stringify(error);
  if (errorSamples.size < 10 || errorSamples.has(text)) errorSamples.set(text, (errorSamples.get(text) ?? 0) + 1);
}

/** One minute's tallies (latencies in ms). */
class Window {
  delivery: number[] = [];
  ack: number[] = [];
  trickleErrors = 0;
  liveErrors = 0;
  sent = 0;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (opts.drill !== undefined) {
    // The drill kills a process it started: it cannot run against someone else's gateway.
    if (opts.drill !== 'metrics-kill' || opts.gatewayUrl) throw new Error('--drill takes metrics-kill, without --gateway');
    if (!(await soakMetricsKill({ agents: opts.collectors, dashboards: opts.subscribers }))) process.exitCode = 1;
    return;
  }
  const started = Date.now();
  let platform: BenchPlatform | undefined;
  if (!opts.gatewayUrl) {
    console.log('soak: starting the platform (every service its own process) …');
    platform = await startBenchPlatform();
  }
  const gatewayUrl = opts.gatewayUrl ?? platform!.gatewayUrl;
  const stopPlatform = async () => platform?.stop();
  process.once('SIGINT', () => void stopPlatform().finally(() => process.exit(130)));

  try {
    const tenant = await newBenchTenant({ gatewayUrl } as BenchPlatform);
    const fleet: BenchCollector[] = [];
    for (let i = 0; i < opts.collectors; i += 1) fleet.push(await registerCollector(tenant, `soak-${String(i).padStart(4, '0')}`));
    const watchers = new Map<string, number>(); // collector id → subscribers watching it
    let window = new Window();
    let expected = 0;
    let received = 0;

    // Subscribers: subscriber i watches collector i mod N; `perSocket` of them share one WebSocket.
    const sockets: Client[] = [];
    const wsUrl = gatewayUrl.replace(/^http/, 'ws');
    let ready = 0;
    for (let i = 0; i < opts.subscribers; i += 1) {
      if (i % opts.perSocket === 0) {
        sockets.push(
          createWsClient({
            url: wsUrl,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${tenant.token}` },
            retryAttempts: 0,
            lazy: false,
          }),
        );
      }
      const collector = fleet[i % fleet.length]!;
      watchers.set(collector.id, (watchers.get(collector.id) ?? 0) + 1);
      let first = true;
      sockets.at(-1)!.subscribe<{ livePoints: { timestamp: string } }>(
        { query: LIVE, variables: { ids: [collector.id] } },
        {
          next: ({ data }) => {
            if (first) {
              first = false;
              ready += 1;
            }
            const sentAt = Date.parse(data?.livePoints.timestamp ?? '');
            if (sentAt >= started) {
              received += 1;
              window.delivery.push(Date.now() - sentAt);
            }
          },
          error: (error: unknown) => {
            window.liveErrors += 1;
            noteError(error);
          },
          complete: () => undefined,
        },
      );
    }

    // Collectors: one point a second each, spread over the second; the ack time is measured per call.
    const clients: GraphQLClient[] = fleet.map((c) => createSdkClient({ url: gatewayUrl, token: c.apiKey, timeoutMs: 30_000 }));
    let running = true;
    const trickleLoop = async (index: number) => {
      await new Promise((r) => setTimeout(r, (1000 * index) / fleet.length));
      let next = Date.now();
      while (running) {
        const sentAt = Date.now();
        const point = { timestamp: new Date(sentAt).toISOString(), cpuUser: 10 + (index % 50), cpuSystem: 5, cpuIdle: 80 };
        try {
          const { tricklePoints } = await clients[index]!.request(TricklePointsDocument, { points: [point] });
          window.ack.push(Date.now() - sentAt);
          window.sent += 1;
          if (tricklePoints.accepted === 1 && ready >= opts.subscribers) expected += watchers.get(fleet[index]!.id) ?? 0;
        } catch (error) {
          window.trickleErrors += 1;
          noteError(error);
        }
        next += 1000;
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      }
    };
    // Live once every subscription has seen a point (graphql-ws has no "subscribed" message): counting starts then.
    const loops = fleet.map((_, i) => trickleLoop(i));
    const warmUntil = Date.now() + 60_000;
    while (ready < opts.subscribers && Date.now() < warmUntil) await new Promise((r) => setTimeout(r, 200));
    if (ready < opts.subscribers)
      console.warn(`soak: only ${ready}/${opts.subscribers} subscriptions live after 60 s; drops are counted from now`);
    expected = 0;
    received = 0;
    window = new Window();

    const pids = platform ? Object.entries(platform.pids) : [['soak', process.pid] as const];
    console.log(
      `soak: ${opts.minutes} min, ${opts.collectors} collectors at 1 Hz, ${opts.subscribers} subscribers ` +
        `(${sockets.length} sockets), gateway ${gatewayUrl}`,
    );
    const header = [
      'min',
      ...pids.map(([name]) => `${name} MB`),
      'total MB',
      'points',
      'live p99 ms',
      'ack p99 ms',
      'errors',
      'owed (cum.)',
    ];
    console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---:').join('|')}|`);
    for (let minute = 1; minute <= opts.minutes; minute += 1) {
      await new Promise((r) => setTimeout(r, 60_000));
      const w = window;
      window = new Window();
      const rss = pids.map(([, pid]) => rssMb(pid));
      // Cumulative: deliveries owed for acknowledged points minus those received (includes the ones in flight).
      const drops = Math.max(0, expected - received);
      const row = [
        minute,
        ...rss.map((v) => v.toFixed(0)),
        rss.reduce((a, b) => a + b, 0).toFixed(0),
        w.sent,
        p99(w.delivery).toFixed(1),
        p99(w.ack).toFixed(1),
        w.trickleErrors + w.liveErrors,
        drops,
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
    running = false;
    await Promise.all(loops);
    await new Promise((r) => setTimeout(r, 3_000));
    console.log(`soak: deliveries expected ${expected}, received ${received}, missing ${Math.max(0, expected - received)}`);
    for (const [text, n] of errorSamples) console.log(`soak: error ×${n}: ${text}`);
    if (platform)
      for (const [name, pid] of Object.entries(platform.pids))
        if (Number.isNaN(rssMb(pid))) console.log(`soak: ${name} (pid ${pid}) is not running`);
    await Promise.all(sockets.map((s) => s.dispose()));
  } finally {
    await stopPlatform();
  }
}

main().then(
  () => process.exit(), // process.exitCode: 1 when a drill found a loss
  (error: unknown) => {
    console.error('soak failed:', error);
    process.exit(1);
  },
);
