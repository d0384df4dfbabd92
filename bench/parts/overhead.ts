import { createRequire } from 'node:module';
import { type BenchPlatform, type BenchTenant, signedAs } from '../lib/benchPlatform.js';
import { fleet } from '../lib/collectors.js';
import { cpuSecondsOf } from '../lib/proc.js';
import type { BenchPart } from '../lib/context.js';
import type { ResultRow } from '../lib/stats.js';
import { int, ms } from '../lib/stats.js';

const SECONDS = Number(process.env.BENCH_OVERHEAD_SECONDS ?? 8);
const CONNECTIONS = 10;

/** The slice of autocannon's result this part reads (the package ships no types). */
interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Cannon;

const POINT = 'latestPoint { timestamp cpuUser memUsedMb }';
const ENTITIES_QUERY = `query Q($r: [_Any!]!) { _entities(representations: $r) { ... on Collector { ${POINT} } } }`;

/** One shape of the two-subgraph query: through the gateway, and the two requests the gateway plans, sent directly. */
interface Shape {
  readonly name: string;
  readonly gateway: { query: string; variables?: Record<string, unknown> };
  readonly collectors: { query: string; variables?: Record<string, unknown> };
  readonly ids: readonly string[];
}

async function cannon(url: string, headers: Record<string, string>, body: unknown, connections: number): Promise<CannonResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    connections,
    duration: SECONDS,
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function measure(platform: BenchPlatform, tenant: BenchTenant, shape: Shape, connections = CONNECTIONS) {
  const cpuBefore = cpuSecondsOf(platform.pids.gateway);
  const fromUs = process.hrtime.bigint() / 1000n;
  const gateway = await cannon(platform.gatewayUrl, { authorization: `Bearer ${tenant.token}` }, shape.gateway, connections);
  // The profiles' clock: `node bench/dist/profileTop.js <gateway profile> --window …` reads this run alone.
  if (process.env.BENCH_CPU_PROF) {
    console.log(
      `  bench: ${shape.name}, ${connections} connection(s), through the gateway: --window ${fromUs}-${process.hrtime.bigint() / 1000n}`,
    );
  }
  // Gateway CPU per request: its user + system time over the run, divided by the requests answered.
  const cpuMsPerRequest = ((cpuSecondsOf(platform.pids.gateway) - cpuBefore) * 1000) / gateway.requests.total;
  const admin = () => signedAs(platform, tenant, { kind: 'admin' });
  const first = await cannon(platform.urls.collectors, admin(), shape.collectors, connections);
  const representations = shape.ids.map((id) => ({ __typename: 'Collector', id }));
  const second = await cannon(platform.urls.metrics, admin(), { query: ENTITIES_QUERY, variables: { r: representations } }, connections);
  // Asked directly, a client pays both requests one after the other.
  const direct = {
    p50: first.latency.p50 + second.latency.p50,
    p99: first.latency.p99 + second.latency.p99,
    rate: 1 / (1 / first.requests.average + 1 / second.requests.average),
  };
  return {
    gateway,
    first,
    second,
    direct,
    cpuMsPerRequest,
    added: gateway.latency.p50 - direct.p50,
    ratio: gateway.requests.average / direct.rate,
  };
}

export const overheadPart: BenchPart = {
  name: 'overhead',
  figure: 'gateway overhead, a two-subgraph query',
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collectors = await fleet(ctx);
    // Correctness first: the gateway answers the overview with every collector and no errors.
    const answer = (await (
      await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.token}` },
        body: JSON.stringify({ query: `{ collectors { id ${POINT} } }` }),
      })
    ).json()) as { data?: { collectors: { id: string }[] }; errors?: unknown };
    if (!answer.data || answer.data.collectors.length < collectors.length || answer.errors) {
      throw new Error(`gateway answered ${JSON.stringify(answer).slice(0, 300)}`);
    }
    const all = answer.data.collectors.map((c) => c.id);
    const one = collectors[0]!.id;
    const shapes: Shape[] = [
      {
        name: 'one collector + its latest point',
        gateway: { query: `query Q($id: ID!) { collector(id: $id) { id hostname machineId ${POINT} } }`, variables: { id: one } },
        collectors: { query: 'query Q($id: ID!) { collector(id: $id) { id hostname machineId } }', variables: { id: one } },
        ids: [one],
      },
      {
        name: `every collector (${all.length}) + latest point`,
        gateway: { query: `{ collectors { id hostname machineId ${POINT} } }` },
        collectors: { query: '{ collectors { id hostname machineId } }' },
        ids: all,
      },
    ];
    const rows: ResultRow[] = [];
    for (const [i, shape] of shapes.entries()) {
      const m = await measure(platform, tenant, shape);
      ctx.notes.push(
        `Gateway overhead, ${shape.name}: alone, collectors subgraph p50 ${ms(m.first.latency.p50)} / ${int(m.first.requests.average)} req/s, ` +
          `metrics \`_entities\` p50 ${ms(m.second.latency.p50)} / ${int(m.second.requests.average)} req/s.`,
      );
      rows.push({
        figure: `gateway overhead: two-subgraph query, ${shape.name}`,
        measured: `p50 ${ms(m.gateway.latency.p50)}, p99 ${ms(m.gateway.latency.p99)}; ${int(m.gateway.requests.average)} req/s; gateway CPU ${m.cpuMsPerRequest.toFixed(2)} ms/request`,
        baseline: `subgraphs directly: p50 ${ms(m.direct.p50)}, p99 ${ms(m.direct.p99)}; ${int(m.direct.rate)} req/s (added p50 ${ms(m.added)}, ${m.ratio.toFixed(2)} × req/s)`,
        goal: i === 0 ? '≥ 0.5 × direct req/s' : '',
        met: i === 0 ? m.ratio >= 0.5 : undefined,
      });
    }
    // Added latency without queueing: one connection, each request after the last.
    const alone = await measure(platform, tenant, shapes[0]!, 1);
    rows.push({
      figure: `gateway added latency, ${shapes[0]!.name}, 1 connection (sequential)`,
      measured: `p50 ${ms(alone.gateway.latency.p50)}; gateway CPU ${alone.cpuMsPerRequest.toFixed(2)} ms/request`,
      baseline: `subgraphs directly: p50 ${ms(alone.direct.p50)} (added p50 ${ms(alone.added)})`,
      goal: 'added p50 ≤ 2 ms',
      met: alone.added <= 2,
    });
    ctx.notes.push(
      `Gateway overhead: autocannon, ${CONNECTIONS} connections (1 for the added-latency row) × ${SECONDS} s, in the runner process. "Directly" = the collectors-subgraph query, then the metrics \`_entities\` query the gateway plans, ` +
        'with a signed identity: their latencies added and their rates combined as sequential (1/(1/a+1/b)).',
    );
    return rows;
  },
};
