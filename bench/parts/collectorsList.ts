import { createClient } from '@perfanalysis/sdk';
import { performance } from 'node:perf_hooks';
import { type BenchPlatform, type BenchTenant, newBenchTenant, registerCollector, signedAs } from '../lib/benchPlatform.js';
import { batch, trickle } from '../lib/collectors.js';
import type { BenchPart } from '../lib/context.js';
import { int, ms, summarize } from '../lib/stats.js';

const COLLECTORS = Number(process.env.BENCH_COLLECTORS ?? 1_000);
const RUNS = Number(process.env.BENCH_COLLECTORS_RUNS ?? 40);
const POINT = 'latestPoint { timestamp cpuUser memUsedMb }';
const LIST = `{ collectors { id hostname machineId ${POINT} } }`;
const ENTITIES = `query Q($r: [_Any!]!) { _entities(representations: $r) { ... on Collector { ${POINT} } } }`;

/**
 * A tenant of its own with COLLECTORS collectors, each with a point: the first registered and
 * trickled through the gateway (its partitions exist then), the rest written straight to its schema.
 */
async function bigTenant(platform: BenchPlatform): Promise<BenchTenant> {
  const tenant = await newBenchTenant(platform);
  const first = await registerCollector(tenant, 'list-0000');
  await trickle(createClient({ url: platform.gatewayUrl, token: first.apiKey }), batch(Date.now() - 60_000, 1, 0));
  const s = `"${tenant.schema}"`;
  await platform.pool.query(
    `WITH made AS (
       INSERT INTO ${s}.collectors (machine_id, hostname)
       SELECT 'list-' || lpad(i::text, 4, '0'), 'list-' || i || '.bench.example' FROM generate_series(1, $1::int - 1) AS i
       RETURNING id)
     INSERT INTO ${s}.metric_points (collector_id, ts, cpu_user, mem_used_mb)
     SELECT id, now() - (random() * interval '1 minute'), random() * 100, 8000 FROM made`,
    [COLLECTORS],
  );
  return tenant;
}

async function post(url: string, headers: Record<string, string>, query: string, variables?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${url}: ${response.status} ${JSON.stringify(body.errors).slice(0, 300)}`);
  return body.data;
}

/** Milliseconds of `run`, RUNS times one after another. */
async function timed(run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const collectorsListPart: BenchPart = {
  name: 'collectors',
  figure: `every collector (${int(COLLECTORS)}) with its latest point`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await bigTenant(platform);
    const viaGateway = () => post(platform.gatewayUrl, { authorization: `Bearer ${tenant.token}` }, LIST);
    const { collectors } = (await viaGateway()) as { collectors: { id: string; latestPoint: unknown }[] };
    if (collectors.length !== COLLECTORS || collectors.some((c) => !c.latestPoint))
      throw new Error(`gateway listed ${collectors.length} collectors, ${collectors.filter((c) => !c.latestPoint).length} without a point`);
    const representations = collectors.map((c) => ({ __typename: 'Collector', id: c.id }));
    const admin = signedAs(platform, tenant, { kind: 'admin' });
    const direct = async () => {
      await post(platform.urls.collectors, admin, '{ collectors { id hostname machineId } }');
      await post(platform.urls.metrics, admin, ENTITIES, { r: representations });
    };
    const gateway = summarize(await timed(viaGateway));
    const baseline = summarize(await timed(direct));
    ctx.notes.push(
      `Collectors list: ${RUNS} sequential requests each way, one tenant of ${int(COLLECTORS)} collectors with a point each; ` +
        '"directly" = the collectors-subgraph list, then the metrics `_entities` request for all of them.',
    );
    return [
      {
        figure: `every collector (${int(COLLECTORS)}) with its latest point, through the gateway`,
        measured: `p50 ${ms(gateway.p50)}, p95 ${ms(gateway.p95)}`,
        baseline: `subgraphs directly: p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`,
        goal: 'p95 < 100 ms',
        met: gateway.p95 < 100,
      },
    ];
  },
};
