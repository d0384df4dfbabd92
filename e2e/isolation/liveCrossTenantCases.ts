import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import {
  createClient,
  type LivePointsSubscription,
  type LivePointsSubscriptionVariables,
  LivePointsDocument,
  LivePointsLeanDocument,
  RegisterCollectorDocument,
  TricklePointsDocument,
} from '@perfanalysis/sdk';
import { connectLive, type LiveConnectionOptions } from '@perfanalysis/testenv';
import type { CrossTenantCase, IsolationWorld } from './crossTenantCases.js';

/** An error with the `code` the suite compares (from `extensions.code`, or the close code of the socket). */
class LiveRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

/** Subscribes once: resolves with the events received (until `settled` or a short window), rejects with the refusal's code. */
async function liveAttempt(
  url: string,
  token: string | undefined,
  variables: LivePointsSubscriptionVariables,
  options: LiveConnectionOptions & { lean?: boolean; settled?: (data: LivePointsSubscription[]) => boolean } = {},
): Promise<LivePointsSubscription[]> {
  const connection = connectLive(url, token, options);
  try {
    // The metrics subgraph alone knows no `hostname`: ask it the lean document.
    const sub = connection.subscribe(options.lean ? LivePointsLeanDocument : LivePointsDocument, variables);
    const data = sub.data as LivePointsSubscription[];
    const settled = options.settled
      ? sub.until(() => options.settled!(data), 10_000).then(() => new Promise((r) => setTimeout(r, 300)))
      : // A refusal is awaited, not timed: a loaded server may take seconds to send it. A view
        // that is wrongly accepted never ends, so the deadline then fails the case.
        new Promise((r) => setTimeout(r, 20_000));
    const outcome = await Promise.race([
      sub.ended,
      connection.closed,
      settled.then(
        () => 'settled' as const,
        () => 'settled' as const,
      ),
    ]);
    const first = sub.errors[0];
    if (typeof outcome === 'object' && CLOSE_CODES[outcome.code]) throw new LiveRefusal(CLOSE_CODES[outcome.code]!, outcome.reason);
    if (first) throw new LiveRefusal(String(first.extensions?.code ?? 'ERROR'), first.message);
    return data;
  } finally {
    await connection.close();
  }
}

/** A collector of A (the attacker) with its API key, registered once per world. */
const attackerCollectors = new WeakMap<IsolationWorld, Promise<{ id: string; apiKey: string }>>();
function attackerCollector(w: IsolationWorld): Promise<{ id: string; apiKey: string }> {
  let collector = attackerCollectors.get(w);
  if (!collector) {
    collector = w.a.client
      .request(RegisterCollectorDocument, { input: { machineId: 'a-live', hostname: 'a-live' } })
      .then(({ registerCollector }) => ({ id: registerCollector.collector.id, apiKey: registerCollector.apiKey }));
    attackerCollectors.set(w, collector);
  }
  return collector;
}

async function trickleOne(w: IsolationWorld, apiKey: string, at: number, memUsedMb: number): Promise<void> {
  const points = [{ timestamp: new Date(at).toISOString(), cpuUser: 1, cpuSystem: 1, cpuIdle: 98, memUsedMb }];
  await createClient({ url: w.env.gatewayUrl, token: apiKey }).request(TricklePointsDocument, { points });
}

/**
 * A live view of "all collectors" opened by A while B's agent sends a point: the view gets
 * A's marker point and never B's.
 */
async function allCollectorsView(w: IsolationWorld, token: () => Promise<string>): Promise<void> {
  const mine = await attackerCollector(w);
  const at = Math.floor(Date.now() / 1000) * 1000 - 30_000 - Math.floor(Math.random() * 1000);
  const viewing = liveAttempt(
    w.env.gatewayUrl,
    await token(),
    { since: new Date(at - 1).toISOString() },
    { settled: (data) => data.some((d) => d.livePoints.memUsedMb === 777) },
  );
  await trickleOne(w, w.bApiKey, at, 666);
  await trickleOne(w, mine.apiKey, at + 1, 777);
  const data = await viewing;
  if (!data.some((d) => d.livePoints.memUsedMb === 777)) throw new Error("A's own marker point never arrived");
  if (data.some((d) => d.livePoints.collector.id === w.bCollectorId || d.livePoints.memUsedMb === 666))
    throw new Error("B's point reached A");
}

function identityOfA(w: IsolationWorld): RequestIdentity {
  return {
    principal: { kind: 'user', userId: w.a.admin.userId, email: w.a.admin.email, sessionId: 's', role: 'ADMIN' },
    tenant: { id: w.a.id, slug: w.a.slug },
    ip: '127.0.0.1',
  };
}

/** Live subscriptions (graphql-ws on the gateway, and the metrics subgraph behind it). */
export const LIVE_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "subscribe to B's collector (A's access token)",
    expected: 'NOT_FOUND',
    attempt: (w) => liveAttempt(w.env.gatewayUrl, w.a.session.accessToken, { collectorIds: [w.bCollectorId] }),
  },
  {
    name: "subscribe to B's collector with since (A's access token)",
    expected: 'NOT_FOUND',
    attempt: (w) =>
      liveAttempt(w.env.gatewayUrl, w.a.session.accessToken, {
        collectorIds: [w.bCollectorId],
        since: new Date(Date.now() - 3_600_000).toISOString(),
      }),
  },
  {
    name: "subscribe to B's collector (A's API key)",
    expected: 'FORBIDDEN',
    attempt: async (w) => liveAttempt(w.env.gatewayUrl, (await attackerCollector(w)).apiKey, { collectorIds: [w.bCollectorId] }),
  },
  {
    name: "subscribe to B's collector at the metrics subgraph with A's signed identity",
    expected: 'NOT_FOUND',
    attempt: (w) =>
      liveAttempt(
        w.env.subgraphUrls.metrics,
        undefined,
        { collectorIds: [w.bCollectorId] },
        { lean: true, connectionParams: { [IDENTITY_HEADER]: signIdentity(identityOfA(w), w.env.runtime.secrets.internalSecret) } },
      ),
  },
  {
    name: "A's token on B's domain over graphql-ws (Host header)",
    expected: 'FORBIDDEN',
    attempt: (w) => liveAttempt(w.env.gatewayUrl, w.a.session.accessToken, {}, { host: w.bDomain }),
  },
  {
    name: "live view of all collectors (A's access token): B's points absent",
    expected: 'noLeak',
    attempt: (w) => allCollectorsView(w, async () => w.a.session.accessToken),
  },
  {
    name: "live view of all collectors (A's API key): B's points absent",
    expected: 'noLeak',
    attempt: (w) => allCollectorsView(w, async () => (await attackerCollector(w)).apiKey),
  },
];
