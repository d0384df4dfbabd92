import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrames } from '../src/live/textFrames.js';

/** ws's own frame encoder (exported as `WebSocket.Sender`, not in its type definitions). */
const { frame } = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: Record<string, boolean | number>): Buffer[] } }).Sender;

/** A ws server whose first connection gets `frames` written raw to its TCP socket; resolves with what a ws client read. */
async function readBack(frames: Buffer, count: number): Promise<string[]> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  try {
    server.on('connection', (socket) => (socket as unknown as { _socket: { write(b: Buffer): void } })._socket.write(frames));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data, binary) => {
        received.push(binary ? '(binary)' : String(data));
        if (received.length === count) resolve();
      });
      client.on('error', reject);
      client.on('close', () => reject(new Error(`closed after ${received.length} messages`)));
    });
    client.removeAllListeners('close');
    client.terminate();
    return received;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('textFrames (a batch of live events as one socket write)', () => {
  it('is read by a real ws client as the same text messages, in order, at every length class', async () => {
    const messages = ['', 'a', 'é'.repeat(62), 'x'.repeat(125), 'y'.repeat(126), 'ü'.repeat(40_000), 'z'.repeat(70_000)];
    expect(await readBack(textFrames(messages.map((m) => [Buffer.from(m)])), messages.length)).toEqual(messages);
  });

  it('frames any strings exactly as ws does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 5 }), (messages) => {
        const viaWs = messages.map((m) =>
          Buffer.concat(frame(Buffer.from(m), { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false })),
        );
        // Split anywhere: the parts are copied as they are.
        const parts = messages.map((m) => Buffer.from(m)).map((b) => [b.subarray(0, 3), b.subarray(3)]);
        expect(textFrames(parts).equals(Buffer.concat(viaWs))).toBe(true);
      }),
    );
  });
});
