import { Redis } from 'ioredis';
import { type BenchCollector, type BenchPlatform, type BenchTenant, REDIS_URL, registerCollector } from '../lib/benchPlatform.js';
import type { BenchContext, BenchPart } from '../lib/context.js';
import type { FleetTransport } from '../lib/fleetRoles.js';
import { gaugeOf } from '../lib/gauges.js';
import { LatencyHistogram } from '../lib/latencyHistogram.js';
import { backendsOf, pidsNamed, startCpuWindow } from '../lib/processCpu.js';
import { forkRole, type RoleProcess } from '../lib/roles.js';
import { int, ms, type ResultRow } from '../lib/stats.js';

const STEPS = (process.env.BENCH_FLEET_STEPS ?? '250,500,1000,2000,4000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_FLEET_SECONDS ?? 20);
const TRANSPORTS = (process.env.BENCH_FLEET_TRANSPORTS ?? 'ws,http').split(',') as FleetTransport[];
/** `BENCH_FLEET_EVERY_STEP=1` runs every step even after one did not hold (before/after comparisons on a busy machine). */
const EVERY_STEP = process.env.BENCH_FLEET_EVERY_STEP === '1';
/** Simulator processes the agents are spread over, so no one simulator's event loop paces the fleet. */
const AGENT_PROCESSES = Math.max(1, Number(process.env.BENCH_FLEET_AGENT_PROCESSES ?? 2));
const WIDE_VIEWS = 100;
const SINGLE_VIEWS = 100;
/** A step holds when agent → dashboard p99 stays under this, nothing is missing and nothing failed. */
const P99_LIMIT_MS = 250;
const GOALS: Record<FleetTransport, number> = { ws: 2_000, http: 1_000 };
const SERVICES = ['gateway', 'identity', 'tenancy', 'collectors', 'metrics', 'reports'] as const;

interface Step {
  readonly n: number;
  readonly ack: LatencyHistogram;
  readonly toDashboard: LatencyHistogram;
  readonly missingPoints: number;
  readonly errors: number;
  readonly firstError: string;
  readonly cpu: Record<string, number>;
  /** How long the CPU window lasted (ms) and how many points were acknowledged in it. */
  readonly windowMs: number;
  readonly points: number;
  readonly loopP99: Record<string, number>;
  /** The bench database's commits, rows inserted and rows updated per acknowledged point. */
  readonly writesPerPoint: string;
  readonly held: boolean;
}

/** Collectors 0..n-1 of the fleet tenant, registered as the ladder first needs them (20 at a time). */
async function fleetOf(ctx: BenchContext, tenant: BenchTenant, n: number): Promise<BenchCollector[]> {
  const collectors = await ctx.once('fleet-collectors', async () => [] as BenchCollector[]);
  while (collectors.length < n) {
    const from = collectors.length;
    const wave = Array.from({ length: Math.min(20, n - from) }, (_, i) => registerCollector(tenant, `fleet-${from + i}`));
    collectors.push(...(await Promise.all(wave)));
  }
  return collectors.slice(0, n);
}

/** Event-loop delay p99 per service since its previous scrape (prom-client resets the histogram when scraped). */
async function loopDelays(platform: BenchPlatform): Promise<Record<string, number>> {
  const entries = await Promise.all(
    SERVICES.map(async (name) => [name, (await gaugeOf(platform.urls[name], 'nodejs_eventloop_lag_p99_seconds').catch(() => NaN)) * 1000]),
  );
  return Object.fromEntries(entries);
}

function cpuGroups(platform: BenchPlatform, roles: RoleProcess[], simulators: RoleProcess[]): () => Record<string, readonly number[]> {
  return () => ({
    ...Object.fromEntries(SERVICES.map((name) => [name, [platform.pids[name]]])),
    postgres: pidsNamed('postgres'),
    // Only this database's backends: other PostgreSQL clusters on a shared machine are in `postgres`.
    'postgres backends': backendsOf(new URL(platform.databaseUrl).pathname.slice(1)),
    redis: pidsNamed('redis-server'),
    'bench clients': roles.map((r) => r.child.pid!),
    // The agent simulators alone (part of the bench clients): their cost per point is the load generator's.
    simulators: simulators.map((r) => r.child.pid!),
  });
}

interface DatabaseWrites {
  readonly commits: number;
  readonly inserted: number;
  readonly updated: number;
}

/** The bench database's counters (PostgreSQL publishes them within about a second). */
async function databaseWrites(platform: BenchPlatform): Promise<DatabaseWrites> {
  const { rows } = await platform.pool.query<DatabaseWrites>(
    `SELECT xact_commit::float8 AS commits, tup_inserted::float8 AS inserted, tup_updated::float8 AS updated
       FROM pg_stat_database WHERE datname = current_database()`,
  );
  return rows[0]!;
}

function writesPer(before: DatabaseWrites, after: DatabaseWrites, points: number): string {
  const per = (key: keyof DatabaseWrites) => ((after[key] - before[key]) / Math.max(points, 1)).toFixed(2);
  return `per acked point: ${per('commits')} commits, ${per('inserted')} rows inserted, ${per('updated')} rows updated`;
}

async function runStep(ctx: BenchContext, transport: FleetTransport, n: number, views: RoleProcess, viewTargets: number): Promise<Step> {
  const platform = await ctx.platform();
  const collectors = await fleetOf(ctx, await ctx.tenant(), n);
  const shares = Array.from({ length: Math.min(AGENT_PROCESSES, n) }, (_, k) => {
    const first = Math.floor((k * n) / Math.min(AGENT_PROCESSES, n));
    const end = Math.floor(((k + 1) * n) / Math.min(AGENT_PROCESSES, n));
    return { first, keys: collectors.slice(first, end).map((c) => c.apiKey) };
  });
  const agents = shares.map(() => forkRole('fleet-agents'));
  try {
    agents.forEach((a, k) =>
      a.send({ kind: 'agents', url: platform.gatewayUrl, transport, first: shares[k]!.first, keys: shares[k]!.keys, total: n }),
    );
    const opened = (await Promise.all(agents.map((a) => a.next('opened', 600_000)))).reduce((sum, o) => sum + o.failed, 0);
    views.send({ kind: 'reset' });
    await loopDelays(platform);
    const writesBefore = await databaseWrites(platform);
    const cpu = startCpuWindow(cpuGroups(platform, [...agents, views], agents));
    const startedMs = performance.now();
    const fromUs = process.hrtime.bigint() / 1000n;
    agents.forEach((a) => a.send({ kind: 'send', seconds: SECONDS }));
    const sents = await Promise.all(agents.map((a) => a.next('sent', SECONDS * 1000 + 120_000)));
    const sent = {
      acked: sents.flatMap((x) => x.acked),
      ack: sents.flatMap((x) => x.ack),
      errors: sents.reduce((sum, x) => sum + x.errors, 0),
      firstError: sents.find((x) => x.firstError)?.firstError ?? '',
    };
    await new Promise((r) => setTimeout(r, 2_000)); // the last events in flight
    const usage = cpu.stop();
    const windowMs = performance.now() - startedMs;
    const points = sent.acked.length / 2; // (collector, timestamp) pairs
    const writesPerPoint = writesPer(writesBefore, await databaseWrites(platform), points);
    // The profiles' clock: `node bench/dist/profileTop.js <profile> --window …` reads this step alone.
    if (process.env.BENCH_CPU_PROF)
      console.log(`  bench: ${transport} N=${n} step on the profiles' clock: --window ${fromUs}-${process.hrtime.bigint() / 1000n}`);
    const loopP99 = await loopDelays(platform);
    views.send({ kind: 'tally', acked: sent.acked, collectors: viewTargets });
    const tally = await views.next('tally');
    const toDashboard = LatencyHistogram.fromPairs(tally.latency);
    const errors = opened + sent.errors + tally.errors;
    const held = errors === 0 && tally.missingPoints === 0 && toDashboard.percentile(99) < P99_LIMIT_MS;
    agents.forEach((a) => a.send({ kind: 'close' }));
    await Promise.all(agents.map((a) => a.next('closed', 60_000).catch(() => undefined)));
    const ack = LatencyHistogram.fromPairs(sent.ack);
    return {
      n,
      ack,
      toDashboard,
      missingPoints: tally.missingPoints,
      errors,
      firstError: sent.firstError,
      cpu: usage,
      windowMs,
      points,
      loopP99,
      writesPerPoint,
      held,
    };
  } finally {
    await Promise.all(agents.map((a) => a.stop()));
  }
}

/**
 * CPU milliseconds per acknowledged point and process over the step's window: unlike latency, it
 * compares across runs on a shared machine (PostgreSQL's counts every backend of the cluster).
 */
function cpuPerPoint(step: Step): string {
  if (!step.points) return 'no point acknowledged';
  const perPoint = Object.entries(step.cpu).map(([name, pct]) => `${name} ${(((pct / 100) * step.windowMs) / step.points).toFixed(2)}`);
  return `${int(step.points)} points acknowledged, CPU ms per point: ${perPoint.join(', ')}`;
}

function stepLine(transport: FleetTransport, step: Step): string {
  const cpu = Object.entries(step.cpu)
    .map(
      ([name, pct]) => `${name} ${pct.toFixed(0)} %${Number.isFinite(step.loopP99[name]) ? ` (loop p99 ${ms(step.loopP99[name]!)})` : ''}`,
    )
    .join(', ');
  return (
    `Fleet ${transport} N=${int(step.n)} × 1 Hz, ${SECONDS} s: ack p50 ${ms(step.ack.percentile(50))}, p99 ${ms(step.ack.percentile(99))}; ` +
    `agent send → dashboard p50 ${ms(step.toDashboard.percentile(50))}, p99 ${ms(step.toDashboard.percentile(99))}; ` +
    `${int(step.missingPoints)} points some dashboard never got; ${step.errors} errors${step.firstError ? ` (first: ${step.firstError.slice(0, 120)})` : ''}; ` +
    `CPU % of a core: ${cpu}; ${cpuPerPoint(step)}; database ${step.writesPerPoint}; ${step.held ? 'held' : 'NOT held'}.`
  );
}

/** What the parts underneath carry: N points a second as one batched INSERT and N PUBLISHes, straight from a loop. */
async function baseline(platform: BenchPlatform, tenant: BenchTenant, n: number): Promise<string> {
  const collectors = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  await platform.pool.query(
    `CREATE TABLE IF NOT EXISTS bench_fleet_points (LIKE "${tenant.schema}".metric_points INCLUDING DEFAULTS INCLUDING INDEXES)`,
  );
  const redis = new Redis(REDIS_URL);
  const took = new LatencyHistogram();
  const cpu = startCpuWindow(() => ({ postgres: pidsNamed('postgres'), redis: pidsNamed('redis-server') }));
  try {
    const started = Date.now();
    for (let s = 0; s < SECONDS; s++) {
      const wait = started + s * 1000 - Date.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const t0 = Date.now();
      const ts = new Date(t0);
      await platform.pool.query(
        `INSERT INTO bench_fleet_points (collector_id, ts, cpu_user, cpu_system, mem_used_mb, mem_total_mb)
         SELECT c, $2, 10, 5, 1000, 16384 FROM unnest($1::uuid[]) AS c ON CONFLICT DO NOTHING`,
        [collectors, ts],
      );
      const pipeline = redis.pipeline();
      for (const c of collectors)
        pipeline.publish(`${platform.redisPrefix}bench:fleet:${c}`, JSON.stringify({ p: [{ t: t0, cpu_user: 10 }] }));
      await pipeline.exec();
      took.add(Date.now() - t0);
    }
  } finally {
    await redis.quit();
    await platform.pool.query('DROP TABLE IF EXISTS bench_fleet_points');
  }
  const usage = cpu.stop();
  return (
    `${int(n)} points/s as one INSERT + ${int(n)} PUBLISH a second, ${SECONDS} s: each second's batch p50 ${ms(took.percentile(50))}, ` +
    `p99 ${ms(took.percentile(99))}; PostgreSQL ${usage.postgres!.toFixed(0)} %, Redis ${usage.redis!.toFixed(0)} % of a core`
  );
}

/**
 * N simulated agents (the agent's own transport, one point a second each) while 200 dashboards
 * follow live; the step ladder stops at the first step that does not hold.
 */
export const fleetPart: BenchPart = {
  name: 'fleet',
  figure: `fleet: agents at 1 Hz (steps ${STEPS.join(', ')}; ${TRANSPORTS.join(', ')}) with ${WIDE_VIEWS + SINGLE_VIEWS} live dashboards`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const targets = await fleetOf(ctx, tenant, Math.min(SINGLE_VIEWS, STEPS[0]!));
    const views = forkRole('dashboards');
    const rows: ResultRow[] = [];
    try {
      views.send({
        kind: 'dashboards',
        url: platform.gatewayUrl,
        token: tenant.token,
        targets: targets.map((c) => c.id),
        wide: WIDE_VIEWS,
        single: SINGLE_VIEWS,
      });
      const opened = await views.next('opened', 120_000);
      if (opened.failed) ctx.notes.push(`Fleet: ${opened.failed} of ${WIDE_VIEWS + SINGLE_VIEWS} dashboards failed to connect.`);
      for (const transport of TRANSPORTS) {
        let largest = 0;
        let ladderHeld = true;
        for (const n of STEPS) {
          const step = await runStep(ctx, transport, n, views, targets.length);
          const line = stepLine(transport, step);
          console.log(`  ${line}`);
          ctx.notes.push(line);
          // The figure is the top of the unbroken ladder: a step held after one that did not is not counted.
          ladderHeld &&= step.held;
          if (ladderHeld) largest = n;
          else if (!EVERY_STEP) break;
        }
        rows.push({
          figure: `fleet, ${transport === 'ws' ? 'agent channel (ws, the default)' : 'one point per HTTP request'}: largest N agents × 1 Hz held with ${WIDE_VIEWS + SINGLE_VIEWS} dashboards`,
          measured: `N = ${int(largest)} (steps ${STEPS.join(', ')}, ${SECONDS} s each; per-step figures below)`,
          baseline: transport === TRANSPORTS[0] ? await baseline(platform, tenant, Math.max(...STEPS)) : 'see the first fleet row',
          goal: `N ≥ ${int(GOALS[transport])} (agent → dashboard p99 < ${P99_LIMIT_MS} ms, nothing missing, no errors)`,
          met: largest >= GOALS[transport],
        });
      }
      views.send({ kind: 'close' });
      await views.next('closed', 60_000).catch(() => undefined);
    } finally {
      await views.stop();
    }
    return rows;
  },
};
