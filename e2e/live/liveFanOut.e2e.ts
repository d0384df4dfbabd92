import { documentText, LivePointsDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { instants, pointAt, PROBE, registerCollector, trickle, type TestCollector } from './liveWorld.js';

/** A real graphql-ws client whose socket records every frame exactly as the gateway wrote it. */
interface RecordingClient {
  readonly client: Client;
  /** Raw `next` frames, in arrival order. */
  readonly nexts: string[];
  /** memUsedMb of every point received (parsed by graphql-ws). */
  readonly values: number[];
}

function recordingClient(gatewayUrl: string, token: string, variables: Record<string, unknown>): RecordingClient {
  const nexts: string[] = [];
  const values: number[] = [];
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (frame) => String(frame).startsWith('{"id"') && nexts.push(String(frame)));
    }
  }
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: RecordingSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  client.subscribe<{ livePoints: { memUsedMb: number | null } }>(
    { query: documentText(LivePointsDocument), variables },
    {
      next: ({ data }) => values.push(data?.livePoints.memUsedMb ?? -1),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { client, nexts, values };
}

/** The frame with its subscription id taken out: what every client of one view must receive alike. */
const withoutId = (frame: string) => frame.replace(/^\{"id":"[^"]*",/, '{');

let probeClock = Date.now() - 900_000;
/** Trickles probe points of `collector` until every client received one (graphql-ws has no "subscribed" message). */
async function untilLive(env: TestEnvironment, collector: TestCollector, clients: RecordingClient[]): Promise<void> {
  for (let attempt = 0; !clients.every((c) => c.values.length > 0); attempt += 1) {
    if (attempt === 100) throw new Error('subscriptions never became live');
    await trickle(env, collector, [pointAt((probeClock += 1), PROBE + attempt)]);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once `predicate` holds, checked as frames arrive. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setTimeout(r, 20));
}

describe('live fan-out: one serialisation per view, the subscription id spliced per client (docs/live.md)', () => {
  let env: TestEnvironment;
  let a: TestTenant;
  let b: TestTenant;
  const clients: RecordingClient[] = [];
  const follow = (token: string, variables: Record<string, unknown>) => {
    const recording = recordingClient(env.gatewayUrl, token, variables);
    clients.push(recording);
    return recording;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    [a, b] = [await newTenant(env), await newTenant(env)];
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.client.dispose()));
    await env?.stop();
  });

  it("gives two subscribers of one view byte-identical frames in graphql-ws's shape; another tenant's subscriber gets none of them", async () => {
    const web = await registerCollector(a, 'fan-web');
    const theirs = await registerCollector(b, 'fan-theirs');
    const first = follow(a.session.accessToken, { collectorIds: [web.id], groups: ['CPU', 'MEMORY'] });
    const second = follow(a.session.accessToken, { collectorIds: [web.id], groups: ['CPU', 'MEMORY'] });
    const other = follow(b.session.accessToken, {});
    await untilLive(env, web, [first, second]);
    await untilLive(env, theirs, [other]);

    const times = instants(3, 300_000);
    const points = [501, 502, 503].map((n, i) => pointAt(times[i]!, n));
    await trickle(env, web, points);
    const sent = (c: RecordingClient) => c.nexts.filter((f) => /"memUsedMb":50[123]\b/.test(f));
    await until(() => sent(first).length === 3 && sent(second).length === 3);

    expect(sent(first).map(withoutId)).toEqual(sent(second).map(withoutId));
    for (const frame of [...sent(first), ...sent(second)]) {
      const message = JSON.parse(frame) as { id: string; type: string; payload: { data: unknown; extensions: unknown } };
      // Exactly what graphql-ws writes for { id, type, payload: { data, extensions } }: members, order, spacing.
      expect(frame).toBe(JSON.stringify({ id: message.id, type: 'next', payload: message.payload }));
      expect(Object.keys(message.payload)).toEqual(['data', 'extensions']);
    }
    expect(JSON.parse(sent(first)[0]!).payload).toEqual({
      data: {
        livePoints: expect.objectContaining({
          collector: { id: web.id, hostname: web.hostname },
          timestamp: new Date(times[0]!).toISOString(),
          memUsedMb: 501,
          cpuSteal: null,
        }),
      },
      extensions: { resumeFrom: new Date(times[0]!).toISOString() },
    });
    expect(JSON.parse(sent(first)[0]!).id).not.toBe(JSON.parse(sent(second)[0]!).id);

    // B follows its whole tenant: its own probes arrived, nothing of A's collector ever did.
    expect(other.values.length).toBeGreaterThan(0);
    expect(other.nexts.filter((f) => f.includes(web.id) || f.includes(web.hostname))).toEqual([]);
    expect(other.values.filter((v) => v < PROBE)).toEqual([]);
  });
});
