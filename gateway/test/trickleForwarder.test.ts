import { OPERATION_BATCH_PATH, type RequestIdentity, verifyIdentity } from '@perfanalysis/platform';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TrickleForwarder } from '../src/forward/trickleForwarder.js';

const key = (collectorId: string, ip: string): RequestIdentity => ({
  principal: { kind: 'collector', collectorId, keyId: 'k', scopes: [] },
  tenant: { id: 't1', slug: 't1' },
  ip,
});

describe('TrickleForwarder (the plain trickle hop to the metrics subgraph)', () => {
  let server: Server;
  const headers: string[] = [];
  const batches: string[] = [];
  let forwarder: TrickleForwarder;
  let metricsUrl: string;

  beforeAll(async () => {
    // Stands in for the metrics subgraph's batch route: records each operation's identity, answers each.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        batches.push(req.url ?? '');
        const ops = JSON.parse(Buffer.concat(chunks).toString()) as { identity: string }[];
        headers.push(...ops.map((op) => op.identity));
        res.end(JSON.stringify(ops.map((_, i) => ({ status: 200, body: `{"data":{"tricklePoints":{"accepted":${i}}}}` }))));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    metricsUrl = `http://127.0.0.1:${port}/graphql`;
    forwarder = new TrickleForwarder({ metricsUrl, internalSecret: 'secret' });
  });

  afterAll(async () => {
    forwarder.close();
    await new Promise((r) => server.close(r));
  });

  it('sends the trickles of one event-loop turn as one batch and gives each its own answer', async () => {
    batches.length = 0;
    const query = 'mutation { tricklePoints(points: []) { accepted } }';
    const answers = await Promise.all([0, 1, 2].map((i) => forwarder.forward(key(`b${i}`, '10.0.0.9'), { query })));
    expect(batches).toEqual([OPERATION_BATCH_PATH]);
    expect(answers.map((a) => [a.status, a.body.toString()])).toEqual(
      [0, 1, 2].map((i) => [200, `{"data":{"tricklePoints":{"accepted":${i}}}}`]),
    );
    headers.length = 0;
  });

  it("gathers the trickles of several turns within its window into one batch, each with its own tenant's identity", async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'Date', 'hrtime', 'performance'] });
    const gathering = new TrickleForwarder({ metricsUrl, internalSecret: 'secret', gatherMs: 5 });
    try {
      batches.length = 0;
      headers.length = 0;
      const query = 'mutation { tricklePoints(points: []) { accepted } }';
      const other = { ...key('b1', '10.0.0.7'), tenant: { id: 't2', slug: 't2' } };
      const first = gathering.forward(key('a1', '10.0.0.9'), { query });
      await new Promise((r) => setImmediate(r)); // another turn, inside the window
      const second = gathering.forward(other, { query });
      await new Promise((r) => setImmediate(r));
      expect(batches).toEqual([]);
      jest.advanceTimersByTime(5);
      jest.useRealTimers();
      const answers = await Promise.all([first, second]);
      expect(batches).toEqual([OPERATION_BATCH_PATH]);
      expect(answers.map((a) => a.body.toString())).toEqual([0, 1].map((i) => `{"data":{"tricklePoints":{"accepted":${i}}}}`));
      expect(headers.map((h) => verifyIdentity(h, 'secret'))).toEqual([key('a1', '10.0.0.9'), other]);
      headers.length = 0;
    } finally {
      jest.useRealTimers();
      gathering.close();
    }
  });

  it('fails every trickle of a batch the subgraph does not answer in shape', async () => {
    const broken = createServer((_req, res) => res.end('[]'));
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', r));
    const lonely = new TrickleForwarder({
      metricsUrl: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/graphql`,
      internalSecret: 's',
    });
    try {
      const sent = [0, 1].map((i) =>
        lonely.forward(key(`x${i}`, '10.0.0.9'), { query: 'mutation { tricklePoints(points: []) { accepted } }' }),
      );
      for (const answer of sent) await expect(answer).rejects.toThrow(/out of shape/);
    } finally {
      lonely.close();
      await new Promise((r) => broken.close(r));
    }
  });

  it('sends a batch again on a fresh socket when the kept-alive one was closed under it', async () => {
    // Answers the first request on each socket; a second request on the same socket finds it reset.
    const used = new WeakSet<object>();
    const closing = createServer((req, res) => {
      if (used.has(req.socket)) return void req.socket.destroy();
      used.add(req.socket);
      req.resume().on('end', () => res.end(JSON.stringify([{ status: 200, body: '{"data":null}' }])));
    });
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/graphql`;
    const reusing = new TrickleForwarder({ metricsUrl: url, internalSecret: 's' });
    try {
      const query = 'mutation { tricklePoints(points: []) { accepted } }';
      expect((await reusing.forward(key('r1', '10.0.0.9'), { query })).status).toBe(200);
      await new Promise((r) => setImmediate(r)); // the socket is back in the pool
      expect((await reusing.forward(key('r2', '10.0.0.9'), { query })).status).toBe(200);
    } finally {
      reusing.close();
      await new Promise((r) => closing.close(r));
    }
  });

  it('sends the batch again on a socket of its own when the next kept-alive one was closed under it too', async () => {
    // Two sockets go idle together; the subgraph then closes both: the resend must not pick the other one.
    const used = new WeakSet<object>();
    const held: (() => void)[] = [];
    let answeredTogether = false;
    const closing = createServer((req, res) => {
      if (used.has(req.socket)) return void req.socket.destroy();
      used.add(req.socket);
      // The first two requests are answered together, so both sockets were open at once.
      req.resume().on('end', () => {
        held.push(() => res.end(JSON.stringify([{ status: 200, body: '{"data":null}' }])));
        if (held.length >= 2 || answeredTogether) {
          answeredTogether = true;
          held.splice(0).forEach((answer) => answer());
        }
      });
    });
    await new Promise<void>((r) => closing.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/graphql`;
    const reusing = new TrickleForwarder({ metricsUrl: url, internalSecret: 's' });
    try {
      const query = 'mutation { tricklePoints(points: []) { accepted } }';
      const first = reusing.forward(key('s1', '10.0.0.9'), { query });
      await new Promise((r) => setImmediate(r)); // the next turn: a second batch, on a second socket
      const second = reusing.forward(key('s2', '10.0.0.9'), { query });
      expect([(await first).status, (await second).status]).toEqual([200, 200]);
      await new Promise((r) => setImmediate(r)); // both sockets are back in the pool
      expect((await reusing.forward(key('s3', '10.0.0.9'), { query })).status).toBe(200);
    } finally {
      reusing.close();
      await new Promise((r) => closing.close(r));
    }
  });

  it('signs an equal identity once and reuses it, and signs each different identity as itself', async () => {
    const query = 'mutation { tricklePoints(points: []) { accepted } }';
    for (const identity of [key('c1', '10.0.0.1'), key('c1', '10.0.0.1'), key('c2', '10.0.0.1'), key('c1', '10.0.0.2')]) {
      expect((await forwarder.forward(identity, { query })).status).toBe(200);
    }
    expect(headers[1]).toBe(headers[0]);
    expect(new Set(headers).size).toBe(3);
    expect(headers.map((h) => verifyIdentity(h, 'secret'))).toEqual([
      key('c1', '10.0.0.1'),
      key('c1', '10.0.0.1'),
      key('c2', '10.0.0.1'),
      key('c1', '10.0.0.2'),
    ]);
  });
});
