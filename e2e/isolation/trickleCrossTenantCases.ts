import { createClient, RegisterCollectorDocument, RevokeApiKeysDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import type { CrossTenantCase, IsolationWorld } from './crossTenantCases.js';

/** One point a few seconds old, as an agent sends it. */
const POINTS = () => [{ timestamp: new Date(Date.now() - 5_000).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98 }];

async function collectorOfA(w: IsolationWorld, machineId: string): Promise<{ id: string; apiKey: string }> {
  const { registerCollector } = await w.a.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
  return { id: registerCollector.collector.id, apiKey: registerCollector.apiKey };
}

/** The trickle path the gateway forwards without planning (docs/ingest.md): same refusals, same tenant. */
export const TRICKLE_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "A's user token where an API key is expected (trickle)",
    expected: 'FORBIDDEN',
    attempt: (w) => w.a.client.request(TricklePointsDocument, { points: POINTS() }),
  },
  {
    name: 'a revoked API key trickles',
    expected: 'UNAUTHENTICATED',
    attempt: async (w) => {
      const revoked = await collectorOfA(w, 'a-revoked');
      await w.a.client.request(RevokeApiKeysDocument, { collectorId: revoked.id });
      return createClient({ url: w.env.gatewayUrl, token: revoked.apiKey }).request(TricklePointsDocument, { points: POINTS() });
    },
  },
  {
    name: "A's API key trickles: the points land in A's schema, none in B's",
    expected: 'noLeak',
    attempt: async (w) => {
      const mine = await collectorOfA(w, 'a-trickler');
      const { tricklePoints } = await createClient({ url: w.env.gatewayUrl, token: mine.apiKey }).request(TricklePointsDocument, {
        points: POINTS(),
      });
      const count = async (slug: string) =>
        (
          await w.env.runtime.db.pool.query<{ n: number }>(
            `SELECT count(*)::int n FROM "tenant_${slug}".metric_points WHERE collector_id = $1`,
            [mine.id],
          )
        ).rows[0]!.n;
      if (tricklePoints.accepted !== 1 || (await count(w.a.slug)) !== 1 || (await count(w.b.slug)) !== 0) {
        throw new Error(
          `A's point went astray: accepted ${tricklePoints.accepted}, in A ${await count(w.a.slug)}, in B ${await count(w.b.slug)}`,
        );
      }
    },
  },
];
