import { RegisterCollectorDocument, RevokeApiKeysDocument, type TrickleAck, TricklePointsDocument } from '@perfanalysis/sdk';
import { afterKeyChange, connectLive, type LiveConnection, type LiveConnectionOptions } from '@perfanalysis/testenv';
import type { CrossTenantCase, IsolationWorld } from './crossTenantCases.js';

const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

/** A close as the typed refusal it stands for. */
function closedAs(close: { code: number; reason: string }): Error {
  return Object.assign(new Error(close.reason), { code: CLOSE_CODES[close.code] ?? `CLOSE_${close.code}` });
}

/** One `tricklePoints` message on an open channel: its acknowledgement, or a refusal carrying `code`. */
async function sendOn(connection: LiveConnection, at: number): Promise<TrickleAck> {
  const message = connection.subscribe(TricklePointsDocument, { points: [{ timestamp: new Date(at).toISOString(), memUsedMb: 4242 }] });
  const outcome = await Promise.race([message.ended, connection.closed]);
  if (typeof outcome === 'object' && CLOSE_CODES[outcome.code]) throw closedAs(outcome);
  const refusal = message.errors[0];
  if (refusal) throw Object.assign(new Error(refusal.message), { code: String(refusal.extensions?.code ?? 'ERROR') });
  return message.data[0]!.tricklePoints as TrickleAck;
}

/** One `tricklePoints` message over a fresh agent channel. */
async function channelSend(w: IsolationWorld, token: string, at: number, options: LiveConnectionOptions = {}): Promise<TrickleAck> {
  const connection = connectLive(w.env.gatewayUrl, token, options);
  try {
    return await sendOn(connection, at);
  } finally {
    await connection.close();
  }
}

async function attackerKey(w: IsolationWorld): Promise<{ id: string; apiKey: string }> {
  const { registerCollector } = await w.a.client.request(RegisterCollectorDocument, {
    input: { machineId: `a-channel-${Math.random().toString(36).slice(2, 8)}`, hostname: 'a-channel' },
  });
  return { id: registerCollector.collector.id, apiKey: registerCollector.apiKey };
}

/** Rows of the collector at `at` in a tenant's schema. */
async function pointsAt(w: IsolationWorld, slug: string, collectorId: string, at: number): Promise<number> {
  const { rows } = await w.env.runtime.db.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "tenant_${slug}".metric_points WHERE collector_id = $1 AND ts = $2`,
    [collectorId, new Date(at)],
  );
  return Number(rows[0]!.n);
}

/** The agent channel (tricklePoints over the gateway's graphql-ws socket, docs/agent-channel.md). */
export const CHANNEL_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "A's API key on the channel: the point lands on A's own collector, never on B's",
    expected: 'noLeak',
    attempt: async (w) => {
      const mine = await attackerKey(w);
      const at = Math.floor(Date.now() / 1000) * 1000 - 20_000;
      const ack = await channelSend(w, mine.apiKey, at);
      if (ack.accepted !== 1) throw new Error(`A's own point was not stored: ${JSON.stringify(ack)}`);
      if ((await pointsAt(w, w.a.slug, mine.id, at)) !== 1) throw new Error("A's point is not on A's collector");
      if ((await pointsAt(w, w.b.slug, w.bCollectorId, at)) !== 0) throw new Error("A's point reached B's collector");
    },
  },
  {
    name: "tricklePoints on the channel with A's access token (a user token where a key is expected)",
    expected: 'FORBIDDEN',
    attempt: (w) => channelSend(w, w.a.session.accessToken, Date.now() - 10_000),
  },
  {
    name: "A's API key on the channel under B's domain (Host header)",
    expected: 'FORBIDDEN',
    attempt: async (w) => channelSend(w, (await attackerKey(w)).apiKey, Date.now() - 10_000, { host: w.bDomain }),
  },
  {
    name: "A's API key revoked while its channel is open: the connection is closed as the revocation is announced",
    expected: 'UNAUTHENTICATED',
    attempt: async (w) => {
      const mine = await attackerKey(w);
      const connection = connectLive(w.env.gatewayUrl, mine.apiKey);
      try {
        await sendOn(connection, Math.floor(Date.now() / 1000) * 1000 - 30_000);
        await afterKeyChange(w.env, w.a.id, () => w.a.client.request(RevokeApiKeysDocument, { collectorId: mine.id }));
        throw closedAs(await connection.closed);
      } finally {
        await connection.close();
      }
    },
  },
];
