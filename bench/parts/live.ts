import { Redis } from 'ioredis';
import { REDIS_URL } from '../lib/benchPlatform.js';
import { agentClients, FLEET, fleet, trickle } from '../lib/collectors.js';
import type { BenchPart } from '../lib/context.js';
import { gaugeOf, waitForGauge } from '../lib/gauges.js';
import { forkRole } from '../lib/roles.js';
import { int, ms, summarize } from '../lib/stats.js';

const SUBSCRIBERS = Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 2_000);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 20);

/** Calls `tick(collector)` once a second per collector, spread evenly over each second, for SECONDS. */
async function atOneHertz(count: number, tick: (collector: number) => void): Promise<void> {
  const started = Date.now();
  for (let s = 0; s < SECONDS; s++) {
    for (let c = 0; c < count; c++) {
      const wait = started + s * 1000 + (c * 1000) / count - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      tick(c);
    }
  }
  await new Promise((r) => setTimeout(r, 2000)); // the last events in flight
}

export const livePart: BenchPart = {
  name: 'live',
  figure: `live fan-out, ${int(SUBSCRIBERS)} graphql-ws subscribers, ${FLEET} collectors at 1 Hz`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collectors = await fleet(ctx);
    const clients = await agentClients(ctx, 'gateway');
    const perCollector = SUBSCRIBERS / FLEET;

    // ---- through the gateway: subscriber i watches collector i % 100, as a dashboard of one machine would ----
    const subs = forkRole('subscribers');
    let gatewayRow;
    try {
      subs.send({ kind: 'open', url: platform.gatewayUrl, token: tenant.token, targets: collectors.map((c) => c.id), count: SUBSCRIBERS });
      const opened = await subs.next('opened');
      const open = await waitForGauge(platform.gatewayUrl, 'subscriptions_open', (v) => v >= SUBSCRIBERS, 120_000);
      const droppedBefore = (await gaugeOf(platform.gatewayUrl, 'subscription_events_dropped_total')) || 0;
      // The instant each point was published on Redis, seen by a subscriber of our own.
      const published = new Map<string, number>();
      const index = new Map(collectors.map((c, i) => [c.id, i]));
      const spy = new Redis(REDIS_URL);
      spy.on('pmessage', (_p: string, channel: string, text: string) => {
        const at = Date.now();
        const c = index.get(channel.slice(channel.lastIndexOf(':') + 1));
        for (const p of (JSON.parse(text) as { p: { t: number }[] }).p) published.set(`${c}:${p.t}`, at);
      });
      await spy.psubscribe(`${platform.redisPrefix}points:${tenant.id}:*`);
      subs.send({ kind: 'report' });
      await subs.next('report'); // discard anything before the window
      const acked = new Set<string>();
      let failedSends = 0;
      const inFlight: Promise<void>[] = [];
      await atOneHertz(FLEET, (c) => {
        const t = Date.now();
        inFlight.push(
          trickle(clients[c]!, [{ timestamp: new Date(t).toISOString(), cpuUser: 10, cpuSystem: 5, memUsedMb: 1000 }]).then(
            () => void acked.add(`${c}:${t}`),
            () => void (failedSends += 1),
          ),
        );
      });
      await Promise.all(inFlight);
      await new Promise((r) => setTimeout(r, 1000));
      subs.send({ kind: 'report' });
      const report = await subs.next('report');
      await spy.quit();
      const fromPublish: number[] = [];
      const fromSend: number[] = [];
      let received = 0;
      for (let i = 0; i < report.receipts.length; i += 3) {
        const [c, t, at] = [report.receipts[i]!, report.receipts[i + 1]!, report.receipts[i + 2]!];
        if (!acked.has(`${c}:${t}`)) continue;
        received += 1;
        fromSend.push(at - t);
        const pub = published.get(`${c}:${t}`);
        if (pub !== undefined) fromPublish.push(at - pub);
      }
      const expected = acked.size * perCollector;
      const dropped = ((await gaugeOf(platform.gatewayUrl, 'subscription_events_dropped_total')) || 0) - droppedBefore;
      const p = summarize(fromPublish);
      const e2e = summarize(fromSend);
      ctx.notes.push(
        `Live: ${int(opened.open)} connections opened by a separate client process (${opened.failed} failed, gateway gauge ${int(open)} subscriptions), each subscribing to one collector (${perCollector} per collector); ` +
          `${FLEET} collectors trickle one point a second through the gateway for ${SECONDS} s (${failedSends} sends failed). "Publish" is when a Redis subscriber of the runner saw the point; ` +
          `agent send → client: p50 ${ms(e2e.p50)}, p99 ${ms(e2e.p99)}.`,
      );
      gatewayRow = {
        figure: `live fan-out, ${int(SUBSCRIBERS)} graphql-ws subscribers through the gateway, ${FLEET} collectors at 1 Hz, ${SECONDS} s`,
        measured: `publish → client p50 ${ms(p.p50)}, p99 ${ms(p.p99)}; ${int(received)} of ${int(expected)} events delivered (${int(expected - received)} missing, gateway dropped ${int(dropped)}), errors ${report.errors}`,
        p99: p.p99,
        missing: expected - received,
      };
      subs.send({ kind: 'close' });
      await subs.next('closed', 60_000).catch(() => undefined);
    } finally {
      await subs.stop();
    }

    // ---- baseline: raw PUBLISH → as many ioredis subscribers, same shape ----
    const redisSubs = forkRole('redis-subscribers');
    let baseline = '';
    try {
      const channels = collectors.map((_, i) => `${platform.redisPrefix}bench:c${i}`);
      redisSubs.send({ kind: 'open', url: REDIS_URL, targets: channels, count: SUBSCRIBERS });
      const opened = await redisSubs.next('opened');
      const publisher = new Redis(REDIS_URL);
      let sent = 0;
      await atOneHertz(FLEET, (c) => {
        sent += 1;
        void publisher.publish(channels[c]!, `${c}:${Date.now()}`);
      });
      redisSubs.send({ kind: 'report' });
      const report = await redisSubs.next('report');
      await publisher.quit();
      const latencies: number[] = [];
      for (let i = 0; i < report.receipts.length; i += 3) latencies.push(report.receipts[i + 2]! - report.receipts[i + 1]!);
      const s = summarize(latencies);
      baseline = `Redis PUBLISH → ${int(opened.open)} ioredis subscribers: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}; ${int(latencies.length)} of ${int(sent * (opened.open / FLEET))} delivered`;
      redisSubs.send({ kind: 'close' });
      await redisSubs.next('closed', 60_000).catch(() => undefined);
    } finally {
      await redisSubs.stop();
    }
    return [
      {
        figure: gatewayRow.figure,
        measured: gatewayRow.measured,
        baseline,
        goal: 'p99 < 50 ms, 0 drops',
        met: gatewayRow.p99 < 50 && gatewayRow.missing === 0,
      },
    ];
  },
};
