import type { TransportName } from '@perfanalysis/agent';
import type pg from 'pg';
import { type DrillCollector, DrillAgents } from './drillAgents.js';
import { ResumingView } from './resumingView.js';

/** What the tenant's tables hold, per collector. */
export interface StoredPoints {
  /** Collector id → timestamp ms → rows (0 or 1 with the primary key; counted, not assumed). */
  readonly rows: Map<string, Map<number, number>>;
  /** Collector id → points counted in its minute rollups (a resent point must not count twice). */
  readonly rolledUp: Map<string, number>;
}

/** The platform under the drill: where to send, who watches, and the metrics process to kill. */
export interface DrillPlatform {
  readonly gatewayUrl: string;
  /** A tenant member's access token for the dashboards. */
  readonly token: string;
  readonly collectors: readonly DrillCollector[];
  /** SIGKILL the metrics process and wait until it is gone. */
  killMetrics(): Promise<void>;
  /** Start it again (same port) and wait until it answers. */
  startMetrics(): Promise<void>;
  stored(): Promise<StoredPoints>;
}

export interface DrillOptions {
  /** Agents on plain HTTP `tricklePoints` (the last ones); the rest use the agent channel. */
  readonly httpAgents: number;
  /** Tenant-wide views, and views on one collector each. */
  readonly wideViews: number;
  readonly singleViews: number;
  /** Seconds of 1 Hz points before the kill, while it is down, and after the restart. */
  readonly secondsBefore: number;
  readonly secondsDown: number;
  readonly secondsAfter: number;
  /** Overall bound on waiting for the spools and the dashboards to catch up. */
  readonly settleTimeoutMs: number;
}

export interface DrillReport {
  readonly agents: number;
  readonly sent: number;
  /** Points the agents spooled during the outage and resent. */
  readonly resent: number;
  readonly stored: number;
  /** Stored points beyond the first per (collector, timestamp). */
  readonly duplicates: number;
  /** Produced points never stored. */
  readonly missing: number;
  /** Stored points nobody produced. */
  readonly unexpected: number;
  /** Collectors whose minute rollups count other than the points they produced. */
  readonly rollupMismatches: number;
  /** From the restart until the metrics process answered again. */
  readonly restartMs: number;
  /** From then until every agent's spool was empty (NaN: never, within the timeout). */
  readonly drainMs: number;
  readonly views: readonly {
    readonly wide: boolean;
    readonly expected: number;
    readonly missing: number;
    readonly duplicates: number;
    readonly resumes: number;
    /** Errors that stopped the view (not retryable): the dashboard would show them and stop. */
    readonly refusals: number;
    /** The error code (or message) of each refusal. */
    readonly refusalCodes: readonly string[];
  }[];
}

/** `DrillPlatform.stored` from a tenant schema's `metric_points` and `metric_rollup_1m` (with the raw tail past the watermark). */
export async function storedPoints(pool: pg.Pool, schema: string): Promise<StoredPoints> {
  const [points, rollups] = await Promise.all([
    pool.query<{ id: string; t: string; n: number }>(
      `SELECT collector_id AS id, (extract(epoch FROM ts) * 1000)::bigint::text AS t, count(*)::int AS n
         FROM "${schema}".metric_points GROUP BY collector_id, ts`,
    ),
    // As reads see them: minute rollups before the rollup watermark, raw points from it (docs/ingest.md, "Rollups").
    pool.query<{ id: string; n: number }>(
      `SELECT id, sum(n)::int AS n FROM (
         SELECT collector_id AS id, mem_used_mb_cnt AS n FROM "${schema}".metric_rollup_1m
         UNION ALL
         SELECT collector_id, (mem_used_mb IS NOT NULL)::int FROM "${schema}".metric_points
          WHERE ts >= (SELECT until FROM "${schema}".metric_rollup_watermark)
       ) AS counted GROUP BY id`,
    ),
  ]);
  const rows = new Map<string, Map<number, number>>();
  for (const row of points.rows) {
    const byTs = rows.get(row.id) ?? new Map<number, number>();
    byTs.set(Number(row.t), row.n);
    rows.set(row.id, byTs);
  }
  return { rows, rolledUp: new Map(rollups.rows.map((r) => [r.id, r.n])) };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it holds (true) or `timeoutMs` passes (false). */
async function settled(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await pause(everyMs);
  }
  return true;
}

function storedTally(produced: ReadonlyMap<string, readonly number[]>, stored: StoredPoints) {
  let rows = 0;
  let duplicates = 0;
  let missing = 0;
  let unexpected = 0;
  let rollupMismatches = 0;
  for (const [id, timestamps] of produced) {
    if ((stored.rolledUp.get(id) ?? 0) !== timestamps.length) rollupMismatches += 1;
    const byTs = stored.rows.get(id) ?? new Map<number, number>();
    for (const t of timestamps) if (!byTs.has(t)) missing += 1;
    const made = new Set(timestamps);
    for (const [t, n] of byTs) {
      rows += n;
      duplicates += n - 1;
      if (!made.has(t)) unexpected += n;
    }
  }
  return { stored: rows, duplicates, missing, unexpected, rollupMismatches };
}

/**
 * The metrics-kill drill (issue "Nothing lost, nothing leaked"; docs/ingest.md): agents send one
 * point a second while dashboards follow live; the metrics process is SIGKILLed, stays down a
 * few seconds and comes back. Then the spools drain and every dashboard catches up through
 * `since`. The report counts what was stored once, twice or never, and each view's gaps.
 */
export async function runMetricsKillDrill(platform: DrillPlatform, options: DrillOptions): Promise<DrillReport> {
  const { collectors } = platform;
  const start = Math.floor(Date.now() / 1000) * 1000;
  const transportOf = (i: number): TransportName => (i >= collectors.length - options.httpAgents ? 'trickle' : 'channel');
  const agents = new DrillAgents(new URL(platform.gatewayUrl).origin, collectors, transportOf);
  const views = [
    ...Array.from(
      { length: options.wideViews },
      () => new ResumingView(platform.gatewayUrl, platform.token, undefined, new Date(start - 1)),
    ),
    ...Array.from(
      { length: options.singleViews },
      (_, i) => new ResumingView(platform.gatewayUrl, platform.token, [collectors[i % collectors.length]!.id], new Date(start - 1)),
    ),
  ];
  try {
    let second = 0;
    const tickFor = async (seconds: number) => {
      for (const end = second + seconds; second < end; second += 1) {
        await pause(start + second * 1000 - Date.now());
        agents.tick(start + second * 1000);
      }
    };
    await tickFor(options.secondsBefore);
    await platform.killMetrics();
    await tickFor(options.secondsDown);
    const restartAt = Date.now();
    // Timed while the agents keep sending: from the moment the process answers until no spool holds anything.
    const recovery = platform.startMetrics().then(async () => {
      const answeredAt = Date.now();
      const emptied = await settled(() => agents.spooled() === 0, options.settleTimeoutMs, 50);
      return { restartMs: answeredAt - restartAt, drainMs: emptied ? Date.now() - answeredAt : NaN };
    });
    await tickFor(options.secondsAfter);
    const { restartMs, drainMs } = await recovery;
    const produced = agents.produced();
    // Failing to settle shows in the report (missing points), it is not thrown: the report is the point.
    await settled(
      async () => agents.unsent() === 0 && storedTally(produced, await platform.stored()).missing === 0,
      options.settleTimeoutMs,
    );
    const tally = storedTally(produced, await platform.stored());
    await settled(() => views.every((v) => v.gaps(produced).missing === 0), options.settleTimeoutMs);
    return {
      agents: collectors.length,
      sent: [...produced.values()].reduce((sum, t) => sum + t.length, 0),
      resent: agents.resent(),
      ...tally,
      restartMs,
      drainMs,
      views: views.map((v) => ({
        wide: !v.collectorIds,
        ...v.gaps(produced),
        resumes: v.resumes,
        refusals: v.refusals.length,
        refusalCodes: v.refusals,
      })),
    };
  } finally {
    await Promise.all(views.map((v) => v.close()));
    await agents.close();
  }
}
