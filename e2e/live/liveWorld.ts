import { readMetrics } from '@perfanalysis/testenv';
import { type MetricPointInput, RegisterCollectorDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { createClient } from '@perfanalysis/sdk';
import type { LiveRecord, TestEnvironment, TestTenant } from '@perfanalysis/testenv';

/** A registered collector of a tenant and its API key. */
export interface TestCollector {
  readonly id: string;
  readonly hostname: string;
  readonly apiKey: string;
}

export async function registerCollector(tenant: TestTenant, machineId: string): Promise<TestCollector> {
  const hostname = `${machineId}.example.test`;
  const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname } });
  return { id: registerCollector.collector.id, hostname, apiKey: registerCollector.apiKey };
}

/** A point at `at` whose values encode `n` (memUsedMb = n, cpuUser = n % 100). */
export function pointAt(at: number, n: number): MetricPointInput {
  return { timestamp: new Date(at).toISOString(), cpuUser: n % 100, cpuSystem: 1, cpuIowait: 0.5, memUsedMb: n, memTotalMb: 4096 };
}

/** Trickles points with the collector's API key through a gateway (the environment's unless given). */
export async function trickle(env: TestEnvironment, collector: TestCollector, points: MetricPointInput[], gatewayUrl = env.gatewayUrl) {
  const client = createClient({ url: gatewayUrl, token: collector.apiKey });
  return (await client.request(TricklePointsDocument, { points })).tricklePoints;
}

/** `count` whole-second instants, one second apart, the last `endAgoMs` before now. */
export function instants(count: number, endAgoMs = 0): number[] {
  const last = Math.floor((Date.now() - endAgoMs) / 1000) * 1000;
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * 1000);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Probe points carry memUsedMb ≥ this (tests filter them out). */
export const PROBE = 1_000_000;
let probeClock = Date.now() - 600_000;

/**
 * graphql-ws has no "subscription started" message: trickles probe points (unique
 * millisecond timestamps) until every subscription has received one, so that what is sent
 * next is guaranteed to be live for them.
 */
export async function untilLive(
  env: TestEnvironment,
  collector: TestCollector,
  subs: LiveRecord<unknown>[],
  gatewayUrl?: string,
): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await trickle(env, collector, [pointAt((probeClock += 1), PROBE + attempt)], gatewayUrl);
    await sleep(100);
    if (subs.every((s) => s.data.length > 0)) return;
    if (subs.some((s) => s.errors.length)) throw new Error(`subscription failed: ${JSON.stringify(subs.map((s) => s.errors))}`);
  }
  throw new Error('subscriptions never became live');
}

/** memUsedMb of the non-probe points received. */
export function valuesOf(data: { livePoints: { memUsedMb?: number | null } }[]): number[] {
  return data.map((d) => d.livePoints.memUsedMb ?? -1).filter((v) => v < PROBE);
}

/** A gauge's value on a service's `/metrics`. */
export async function gauge(serviceUrl: string, name: string): Promise<number> {
  const text = await readMetrics(serviceUrl);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.split(' ').pop()) : NaN;
}
