import { LivePointsLeanDocument } from '@perfanalysis/sdk';
import { connectLive, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant, readMetrics } from '@perfanalysis/testenv';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

describe('graphql-ws abuse is bounded and closed with protocol codes', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  const wsUrl = () => env.gatewayUrl.replace(/^http/, 'ws');

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { LIVE_MAX_MESSAGE_BYTES: '8192', LIVE_MAX_MESSAGES_PER_SECOND: '150' } });
    tenant = await newTenant(env);
  });
  afterAll(() => env?.stop());

  /** An initialised raw graphql-ws socket (connection_ack received). */
  async function initialised(): Promise<WebSocket> {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tenant.session.accessToken}` } }));
    await new Promise<void>((resolve, reject) =>
      socket.on('message', (data) => (JSON.parse(String(data)).type === 'connection_ack' ? resolve() : reject(new Error(String(data))))),
    );
    return socket;
  }
  const closeOf = (socket: WebSocket) =>
    new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );

  it('closes a connection that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    expect((await closeOf(socket)).code).toBe(4408);
  });

  it('closes on an oversized message with 1009', async () => {
    const socket = await initialised();
    const closed = closeOf(socket);
    socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { livePoints { cpuUser } } # ${'x'.repeat(10_000)}` } }),
    );
    expect((await closed).code).toBe(1009);
  });

  it('closes a message flood with 1008', async () => {
    const socket = await initialised();
    const closed = closeOf(socket);
    // Far above the limit, so that even a slow server reading the burst over several seconds sees a flood.
    for (let i = 0; i < 1_500; i++) socket.send(JSON.stringify({ type: 'ping' }));
    expect(await closed).toEqual({ code: 1008, reason: 'Too many messages' });
  });

  it('refuses the 101st subscription of one connection, keeping the others', async () => {
    const live = connectLive(env.gatewayUrl, tenant.session.accessToken);
    try {
      const subs = Array.from({ length: 101 }, () => live.subscribe(LivePointsLeanDocument, {}));
      const last = subs.at(-1)!;
      expect(await last.end(10_000)).toBe('error');
      expect(last.errors[0]).toMatchObject({
        message: expect.stringMatching(/At most 100 subscriptions/),
        extensions: { code: 'BAD_REQUEST' },
      });
      expect(subs.slice(0, 100).filter((s) => s.errors.length > 0)).toHaveLength(0);
    } finally {
      await live.close();
    }
  });

  it('returns to its baseline heap after 300 abusive clients leave', async () => {
    const warm = await initialised();
    warm.close();
    const before = heapAfterGc();
    const abusive: Promise<unknown>[] = [];
    for (let round = 0; round < 3; round++) {
      const batch = await Promise.all(Array.from({ length: 100 }, () => initialised()));
      for (const [i, socket] of batch.entries()) {
        // The server cutting a flooder off mid-write resets its connection: that is the expected end here.
        socket.on('error', () => undefined);
        const closed = closeOf(socket);
        if (i % 2 === 0) for (let m = 0; m < 600; m++) socket.send(JSON.stringify({ type: 'ping' }));
        else
          socket.send(
            JSON.stringify({
              id: 'x',
              type: 'subscribe',
              payload: { query: `subscription { livePoints { cpuUser } } # ${'y'.repeat(9_000)}` },
            }),
          );
        abusive.push(closed);
      }
      await Promise.all(abusive);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    const after = heapAfterGc();
    // Generous: a leak of the sockets, their buffers or per-connection state would be far larger.
    expect(after - before).toBeLessThan(16 * 1024 * 1024);
    const metrics = await readMetrics(env.gatewayUrl);
    expect(metrics).toMatch(/subscription_connections_open\{[^}]*\} 0/);
  }, 300_000);
});
