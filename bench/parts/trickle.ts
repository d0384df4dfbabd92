import { performance } from 'node:perf_hooks';
import type { GraphQLClient } from '@perfanalysis/sdk';
import { agentClients, batch, FLEET, trickle } from '../lib/collectors.js';
import type { BenchPart } from '../lib/context.js';
import { keptAliveFetch } from '../lib/keptAliveFetch.js';
import type { BenchPlatform } from '../lib/benchPlatform.js';
import { backendsOf, trackCpuSeconds } from '../lib/processCpu.js';
import { int, ms, summarize } from '../lib/stats.js';

const SECONDS = Number(process.env.BENCH_TRICKLE_SECONDS ?? 10);
const BATCH = 100;
const OFFERED = 10_000; // points/s for the latency figure: each collector one 100-point batch a second

/** Per collector, the next timestamp to send: points never repeat across phases. */
const cursors = new Map<number, number>();
function nextFrom(collector: number): number {
  const from = cursors.get(collector) ?? Date.now() - 25 * 86_400_000 + collector; // all inside the 30-day upload window
  cursors.set(collector, from + BATCH * 1000);
  return from;
}

/** CPU milliseconds per 1,000 points of each process in the chain: the figure that compares between runs on a loaded machine. */
function cpuTracker(platform: BenchPlatform): { stop(points: number): string } {
  const database = new URL(platform.databaseUrl).pathname.slice(1);
  const tracker = trackCpuSeconds(() => ({
    gateway: [platform.pids.gateway],
    metrics: [platform.pids.metrics],
    'PostgreSQL backends': backendsOf(database),
    'bench client': [process.pid],
  }));
  return {
    stop(points) {
      const used = tracker.stop();
      return Object.entries(used)
        .map(([name, seconds]) => `${name} ${((seconds * 1e6) / Math.max(points, 1)).toFixed(1)}`)
        .join(', ');
    },
  };
}

/** Closed loop: every collector sends its next batch as soon as the last one is acknowledged. */
async function saturate(
  clients: GraphQLClient[],
  platform: BenchPlatform,
  route: string,
): Promise<{ rate: number; errors: number; cpu: string }> {
  const fromUs = process.hrtime.bigint() / 1000n;
  let points = 0;
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const cpu = cpuTracker(platform);
  await Promise.all(
    clients.map(async (client, c) => {
      while (performance.now() < until) {
        try {
          await trickle(client, batch(nextFrom(c), BATCH, c));
          points += BATCH;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  // The profiles' clock: `node bench/dist/profileTop.js <profile> --window …` reads this loop alone.
  if (process.env.BENCH_CPU_PROF)
    console.log(`  bench: ${route} closed loop on the profiles' clock: --window ${fromUs}-${process.hrtime.bigint() / 1000n}`);
  return { rate: points / ((performance.now() - started) / 1000), errors, cpu: cpu.stop(points) };
}

/** Open loop at OFFERED points/s: each collector's batch on its own second, staggered; ack latency of each. */
async function offered(clients: GraphQLClient[]): Promise<{ p50: number; p99: number; errors: number; late: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const perSecond = OFFERED / BATCH / clients.length; // batches per collector per second (1)
  const interval = 1000 / perSecond;
  const started = performance.now();
  const sends = SECONDS * perSecond;
  for (let n = 0; n < sends; n++) {
    for (let c = 0; c < clients.length; c++) {
      const due = started + n * interval + (c * interval) / clients.length;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      pending.push(
        trickle(clients[c]!, batch(nextFrom(c), BATCH, c)).then(
          () => void latencies.push(performance.now() - t0),
          () => void (errors += 1),
        ),
      );
    }
  }
  await Promise.all(pending);
  const s = summarize(latencies);
  return { p50: s.p50, p99: s.p99, errors, late: 0 };
}

export const tricklePart: BenchPart = {
  name: 'trickle',
  figure: `trickle, ${FLEET} collectors × ${BATCH}-point batches`,
  async run(ctx) {
    // One lean HTTP client for both routes: the runner's own CPU is taken from the services' two cores.
    const fetch = keptAliveFetch();
    const gatewayClients = await agentClients(ctx, 'gateway', { fetch });
    const directClients = await agentClients(ctx, 'direct', { fetch });
    // Warm-up: plans, JIT, pools.
    await Promise.all(gatewayClients.map((c, i) => trickle(c, batch(nextFrom(i), BATCH, i))));
    await Promise.all(directClients.map((c, i) => trickle(c, batch(nextFrom(i), BATCH, i))));
    const platform = await ctx.platform();
    const gateway = await saturate(gatewayClients, platform, 'gateway');
    const direct = await saturate(directClients, platform, 'direct');
    const gatewayAck = await offered(gatewayClients);
    const directAck = await offered(directClients);
    const errors = gateway.errors + direct.errors + gatewayAck.errors + directAck.errors;
    ctx.notes.push(
      `Trickle: ${SECONDS} s closed loop (each of ${FLEET} collectors sends its next ${BATCH}-point batch when the last is acknowledged), then ${SECONDS} s open loop at ${int(OFFERED)} points/s offered (one batch per collector per second, staggered) for the ack percentiles.` +
        (errors ? ` ${errors} requests failed.` : ''),
      `Trickle CPU ms per 1,000 points in the closed loop — through the gateway: ${gateway.cpu}; directly: ${direct.cpu}.`,
    );
    return [
      {
        figure: `trickle, ${FLEET} collectors × ${BATCH}-point batches, through the gateway: sustained`,
        measured: `${int(gateway.rate)} points/s`,
        baseline: `metrics subgraph directly: ${int(direct.rate)} points/s`,
        goal: '≥ 50,000 points/s',
        met: gateway.rate >= 50_000,
      },
      {
        figure: `trickle ack at ${int(OFFERED)} points/s offered, through the gateway`,
        measured: `p50 ${ms(gatewayAck.p50)}, p99 ${ms(gatewayAck.p99)}`,
        baseline: `metrics subgraph directly: p50 ${ms(directAck.p50)}, p99 ${ms(directAck.p99)}`,
        goal: 'p99 < 50 ms',
        met: gatewayAck.p99 < 50,
      },
    ];
  },
};
