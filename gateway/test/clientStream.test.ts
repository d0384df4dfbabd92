import { Registry } from 'prom-client';
import { ClientStream, WriteBatcher } from '../src/live/clientStream.js';
import { LiveEvent } from '../src/live/liveEvent.js';
import { createLiveMetrics } from '../src/live/liveMetrics.js';
import { scopeOf, stableJson } from '../src/live/upstreamHub.js';

const event = (n: number): LiveEvent => new LiveEvent({ data: { n } }, new Date(n * 1000).toISOString());

async function dropped(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric('subscription_events_dropped_total')!.get();
  return metric.values[0]?.value ?? 0;
}

/** A socket that takes a write only when the test says so: what the stream wrote (per write too), and a way to finish each write. */
function slowSocket() {
  const sent: string[] = [];
  const writes: number[] = [];
  const pending: (() => void)[] = [];
  return {
    sent,
    writes,
    send: (messages: readonly (readonly Buffer[])[], written: () => void) => (
      sent.push(...messages.map((parts) => Buffer.concat(parts).toString('utf8'))),
      writes.push(messages.length),
      pending.push(written)
    ),
    /** The socket takes the write in flight. */
    take: () => pending.shift()?.(),
  };
}

describe('ClientStream (a client subscription on its way to the socket)', () => {
  it('keeps at most `capacity` events while the socket is busy, dropping the oldest, and tells the client', async () => {
    const registry = new Registry();
    const stream = new ClientStream(3, createLiveMetrics(registry), { since: undefined, joinedAt: Date.now() });
    const socket = slowSocket();
    stream.attach('7', socket.send);
    for (let n = 1; n <= 6; n += 1) stream.push(event(n));
    // 1 went out at once; 2..6 queued behind it in a buffer of 3: 2 and 3 dropped, 4..6 leave as the next write.
    socket.take();
    stream.push(event(7));
    expect(socket.sent.map((m) => JSON.parse(m) as unknown)).toEqual([
      { id: '7', type: 'next', payload: { data: { n: 1 }, extensions: { resumeFrom: new Date(1000).toISOString() } } },
      { id: '7', type: 'next', payload: { data: { n: 4 }, extensions: { resumeFrom: new Date(4000).toISOString(), dropped: 2 } } },
      { id: '7', type: 'next', payload: { data: { n: 5 }, extensions: { resumeFrom: new Date(5000).toISOString() } } },
      { id: '7', type: 'next', payload: { data: { n: 6 }, extensions: { resumeFrom: new Date(6000).toISOString() } } },
    ]);
    expect(socket.writes).toEqual([1, 3]);
    expect(await dropped(registry)).toBe(2);
    // 7 waits for the write in flight.
    socket.take();
    expect(socket.writes).toEqual([1, 3, 1]);
  });

  it('writes the message graphql-ws wrote for the same payload, byte for byte, whatever the subscription id', () => {
    const live = new LiveEvent({ data: { p: { a: 1, b: 'x"y' } }, errors: [{ message: 'm', extensions: { code: 'C' } }] }, 'r');
    for (const id of ['1', 'a"b']) {
      const socket = slowSocket();
      const stream = new ClientStream(10, createLiveMetrics(new Registry()), { since: undefined, joinedAt: Date.now() });
      stream.attach(id, socket.send);
      stream.push(live);
      const payload = { ...live.result, extensions: { resumeFrom: 'r' } };
      expect(socket.sent).toEqual([JSON.stringify({ id, type: 'next', payload })]);
    }
    expect(new LiveEvent({}, undefined).payload(0)).toBe(JSON.stringify({ extensions: {} }));
  });

  it("writes an idle client's events at the end of the turn, then at most one write per window", () => {
    jest.useFakeTimers({ now: 0 }); // windows end on whole slots of the clock
    try {
      const batcher = new WriteBatcher(20);
      const sockets = [slowSocket(), slowSocket()];
      const streams = sockets.map((socket, i) => {
        const stream = new ClientStream(10, createLiveMetrics(new Registry()), { since: undefined, joinedAt: Date.now() }, batcher);
        stream.attach(String(i), socket.send);
        return stream;
      });
      const numbers = (socket: ReturnType<typeof slowSocket>) =>
        socket.sent.map((m) => (JSON.parse(m) as { payload: { data: { n: number } } }).payload.data.n);
      // Idle clients: the events of one turn leave together at its end, without waiting for a window.
      for (let n = 1; n <= 3; n += 1) for (const stream of streams) stream.push(event(n));
      expect(sockets.map((s) => s.writes)).toEqual([[], []]);
      jest.advanceTimersByTime(0);
      expect(sockets.map((s) => s.writes)).toEqual([[3], [3]]);
      // What comes while a write is in flight, or within the window of the last write, waits for that window's end.
      streams[0]!.push(event(4));
      sockets[0]!.take();
      jest.advanceTimersByTime(5);
      streams[0]!.push(event(5));
      sockets[1]!.take();
      streams[1]!.push(event(4));
      jest.advanceTimersByTime(10);
      expect(sockets.map((s) => s.writes)).toEqual([[3], [3]]);
      jest.advanceTimersByTime(5);
      expect(sockets.map((s) => s.writes)).toEqual([
        [3, 2],
        [3, 1],
      ]);
      // A client with an event every 4 ms writes once per window (at 40 and 60, five events each).
      for (let step = 0; step < 10; step += 1) {
        sockets[0]!.take();
        streams[0]!.push(event(6 + step));
        jest.advanceTimersByTime(4);
      }
      expect(sockets[0]!.writes).toEqual([3, 2, 5, 5]);
      // Idle for a whole window again: the next event leaves at the end of its turn.
      sockets[0]!.take();
      jest.advanceTimersByTime(40);
      sockets[0]!.take();
      streams[0]!.push(event(16));
      jest.advanceTimersByTime(0);
      expect(sockets[0]!.writes.at(-1)).toBe(1);
      expect(numbers(sockets[0]!)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(numbers(sockets[1]!)).toEqual([1, 2, 3, 4]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends with the terminal error only after what is buffered was written', async () => {
    const stream = new ClientStream(10, createLiveMetrics(new Registry()), { since: undefined, joinedAt: Date.now() });
    const socket = slowSocket();
    stream.attach('1', socket.send);
    const ended = stream.next();
    stream.push(event(1));
    stream.push(event(2));
    stream.end([{ message: 'gone', extensions: { code: 'SERVICE_UNAVAILABLE', resumeFrom: 'x' } }]);
    stream.push(event(3));
    expect(stream.isClosed).toBe(false);
    socket.take();
    socket.take();
    await expect(ended).rejects.toMatchObject({ message: 'gone', extensions: { code: 'SERVICE_UNAVAILABLE', resumeFrom: 'x' } });
    expect(socket.sent).toHaveLength(2);
    expect(stream.isClosed).toBe(true);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('resumes from the last event sent, else from `since`, else from when it joined (at most a minute back)', async () => {
    const now = Date.now();
    const fresh = new ClientStream(10, createLiveMetrics(new Registry()), { since: undefined, joinedAt: now - 5_000 });
    expect(fresh.resumeFrom(now)).toBe(new Date(now - 5_000).toISOString());
    const old = new ClientStream(10, createLiveMetrics(new Registry()), { since: undefined, joinedAt: now - 3_600_000 });
    expect(old.resumeFrom(now)).toBe(new Date(now - 60_000).toISOString());
    const replaying = new ClientStream(10, createLiveMetrics(new Registry()), { since: '2030-01-01T00:00:00.000Z', joinedAt: now });
    expect(replaying.resumeFrom(now)).toBe('2030-01-01T00:00:00.000Z');
    replaying.attach('1', (_messages, written) => written());
    replaying.push(event(7));
    expect(replaying.resumeFrom(now)).toBe(new Date(7000).toISOString());
  });

  it('calls onClose once when the client leaves, and keeps the open-subscriptions gauge right', async () => {
    const registry = new Registry();
    const stream = new ClientStream(10, createLiveMetrics(registry), { since: undefined, joinedAt: Date.now() });
    const onClose = jest.fn();
    stream.onClose = onClose;
    const pending = stream.next();
    await stream.return();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    const open = await registry.getSingleMetric('subscriptions_open')!.get();
    expect(open.values[0]?.value).toBe(0);
  });
});

describe('sharing keys', () => {
  it('writes equal variables as equal text whatever the key order', () => {
    expect(stableJson({ b: [1, { y: 2, x: 1 }], a: null, c: undefined })).toBe(stableJson({ a: null, b: [1, { x: 1, y: 2 }] }));
  });

  it('shares between users of one tenant and role, never across tenants, roles or API keys', () => {
    const user = (tenant: string, role: 'ADMIN' | 'VIEWER', userId: string) => ({
      principal: { kind: 'user' as const, userId, email: `${userId}@x`, sessionId: 's', role },
      tenant: { id: tenant, slug: tenant },
      ip: '1',
    });
    expect(scopeOf(user('t1', 'VIEWER', 'u1'))).toBe(scopeOf(user('t1', 'VIEWER', 'u2')));
    expect(scopeOf(user('t1', 'VIEWER', 'u1'))).not.toBe(scopeOf(user('t2', 'VIEWER', 'u1')));
    expect(scopeOf(user('t1', 'VIEWER', 'u1'))).not.toBe(scopeOf(user('t1', 'ADMIN', 'u1')));
    const key = (collectorId: string) => ({
      principal: { kind: 'collector' as const, collectorId, keyId: 'k', scopes: [] },
      tenant: { id: 't1', slug: 't1' },
      ip: '1',
    });
    expect(scopeOf(key('c1'))).not.toBe(scopeOf(key('c2')));
  });
});
