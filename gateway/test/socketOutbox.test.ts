import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { outboxOf } from '../src/live/socketOutbox.js';

type Tcp = { write: (...args: unknown[]) => boolean };

/** A ws server whose first connection is handed to `serve` (its TCP writes counted); resolves with what a ws client read, and how it closed. */
async function exchange(
  serve: (socket: WebSocket) => void,
  count: number,
): Promise<{ received: string[]; writes: number; closed?: number }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  let writes = 0;
  try {
    server.on('connection', (socket) => {
      const tcp = (socket as unknown as { _socket: Tcp })._socket;
      const write = tcp.write.bind(tcp);
      tcp.write = (...args: unknown[]) => ((writes += 1), write(...args));
      serve(socket);
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: string[] = [];
    const closed = await new Promise<number | undefined>((resolve, reject) => {
      client.on('message', (data) => {
        received.push(String(data));
        if (received.length === count && count > 0) resolve(undefined);
      });
      client.on('error', reject);
      client.on('close', (code) => resolve(code));
    });
    client.removeAllListeners('close');
    client.terminate();
    return { received, writes, closed };
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const frame = (text: string) => [Buffer.from(text)];

describe("SocketOutbox (a graphql-ws connection's writes)", () => {
  it("sends a turn's messages as one write, in order, and tells each sender at once", async () => {
    const told: string[] = [];
    const { received, writes } = await exchange((socket) => {
      outboxOf(socket);
      // What graphql-ws does for an acknowledgement: `next`, then `complete` once the send resolved.
      socket.send('{"type":"next"}', () => {
        told.push('next');
        socket.send('{"type":"complete"}', () => told.push('complete'));
      });
    }, 2);
    expect(received).toEqual(['{"type":"next"}', '{"type":"complete"}']);
    expect(told).toEqual(['next', 'complete']);
    expect(writes).toBe(1);
  });

  it('writes live frames after the messages waiting before them, in the same write', async () => {
    let written = false;
    const { received, writes } = await exchange((socket) => {
      const outbox = outboxOf(socket);
      socket.send('{"type":"connection_ack"}');
      outbox.write([frame('e1'), frame('e2')], () => (written = true));
    }, 3);
    expect(received).toEqual(['{"type":"connection_ack"}', 'e1', 'e2']);
    expect(writes).toBe(1);
    expect(written).toBe(true);
  });

  it('writes what waits before the close frame, and nothing after it', async () => {
    const { received, closed } = await exchange((socket) => {
      const outbox = outboxOf(socket);
      socket.send('{"type":"error"}');
      socket.close(4401, 'Unauthorized');
      socket.send('{"type":"next"}');
      outbox.write([frame('late')], () => undefined);
    }, 0);
    expect(received).toEqual(['{"type":"error"}']);
    expect(closed).toBe(4401);
  });

  it("never puts one connection's messages on another's socket (two tenants' agents in one turn)", async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    try {
      server.on('connection', (socket, request) => {
        outboxOf(socket);
        const who = new URL(request.url ?? '/', 'http://x').searchParams.get('who')!;
        // Both connections queue in the same turn: one end-of-turn flush serves both outboxes.
        socket.send(`${who}1`);
        socket.send(`${who}2`);
      });
      const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const read = (who: string) =>
        new Promise<string[]>((resolve, reject) => {
          const client = new WebSocket(`${url}/?who=${who}`);
          const received: string[] = [];
          client.on('message', (data) => {
            received.push(String(data));
            if (received.length === 2) setTimeout(() => (client.terminate(), resolve(received)), 50);
          });
          client.on('error', reject);
        });
      expect(await Promise.all([read('a'), read('b')])).toEqual([
        ['a1', 'a2'],
        ['b1', 'b2'],
      ]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
