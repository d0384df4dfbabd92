import type { MetricPoint } from '@perfanalysis/contract';
import { AuthRejectedError } from '../src/errors/AuthRejectedError.js';
import { FatalError } from '../src/errors/FatalError.js';
import { RetryableError } from '../src/errors/RetryableError.js';
import { backoffDelay } from '../src/shipper/backoff.js';
import { createShipper, type Shipper, type ShipperOptions } from '../src/shipper/createShipper.js';
import { openSpool, type Spool } from '../src/spool/openSpool.js';
import { tempDir } from './helpers/fixtureProc.js';
import { ControlledSleep, FakeTransport, settle } from './helpers/fakeTransport.js';

const point = (i: number): MetricPoint => ({
  timestamp: 1_736_942_400_000 + i * 1000,
  values: { cpu_user: 1, cpu_system: 1, cpu_idle: 98 },
});
const ids = (list: readonly MetricPoint[]): number[] => list.map((p) => (p.timestamp - 1_736_942_400_000) / 1000);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
const down = new RetryableError('connect ECONNREFUSED');

interface Rig {
  readonly transport: FakeTransport;
  readonly spool: Spool;
  readonly sleep: ControlledSleep;
  readonly shipper: Shipper;
}

const open: { spool: Spool; shipper: Shipper }[] = [];
function rig(options: Partial<ShipperOptions> & { dir?: string; transport?: FakeTransport } = {}): Rig {
  const transport = options.transport ?? new FakeTransport();
  const spool = openSpool({ dir: options.dir ?? tempDir('shipper'), fsync: false });
  const sleep = new ControlledSleep();
  const shipper = createShipper({ random: () => 0.5, ...options, transport, spool, sleep: sleep.sleep });
  open.push({ spool, shipper });
  return { transport, spool, sleep, shipper };
}
afterEach(async () => {
  for (const { spool, shipper } of open.splice(0)) {
    await shipper.stop();
    spool.close();
  }
});

describe('shipper', () => {
  it('sends live points straight through, without touching the spool', async () => {
    const { transport, shipper } = rig();
    for (const i of range(0, 3)) {
      shipper.offer([point(i)]);
      await settle();
    }
    expect(ids(transport.stored)).toEqual([0, 1, 2]);
    expect(shipper.stats()).toMatchObject({ state: 'live', sent: 3, spooled: 0, retries: 0 });
    await expect(shipper.drain()).resolves.toBe(true);
  });

  it('batches the samples that pile up while a send is slow', async () => {
    const { transport, shipper } = rig({ maxBatch: 3 });
    const release = transport.hold();
    shipper.offer([point(0)]);
    await settle();
    for (const i of range(1, 6)) shipper.offer([point(i)]);
    release();
    await settle();
    expect(transport.batches.map(ids)).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('outage → spool → recovery: every point stored once, in order', async () => {
    const { transport, spool, sleep, shipper } = rig();
    shipper.offer([point(0)]);
    await settle();
    transport.failWith = down; // the server goes away
    shipper.offer([point(1)]);
    await settle();
    expect(shipper.stats().state).toBe('outage');
    for (const i of range(2, 6)) shipper.offer([point(i)]); // sampled during the outage
    expect(spool.size).toBe(5);
    sleep.wake(); // retry while still down
    await settle();
    expect(sleep.delays).toHaveLength(2);
    transport.failWith = undefined; // the server is back
    sleep.wake();
    await settle();
    shipper.offer([point(6)]);
    await settle();
    expect(ids(transport.stored)).toEqual(range(0, 7));
    expect(transport.batches.map(ids)).toEqual([[0], [1, 2, 3, 4, 5], [6]]);
    expect(spool.size).toBe(0);
    expect(shipper.stats()).toMatchObject({ state: 'live', sent: 7, spooled: 5, retries: 2 });
  });

  it('keeps newer points behind the spooled ones while the spool drains', async () => {
    const { transport, sleep, shipper } = rig({ maxBatch: 2 });
    transport.failWith = down;
    shipper.offer([point(0)]);
    await settle();
    for (const i of range(1, 5)) shipper.offer([point(i)]);
    transport.failWith = undefined;
    const release = transport.hold();
    sleep.wake();
    await settle(); // first spooled batch in flight…
    shipper.offer([point(5)]); // …when a new sample arrives
    shipper.offer([point(6)]);
    release();
    await settle();
    expect(ids(transport.stored)).toEqual(range(0, 7));
    expect(new Set(ids(transport.stored)).size).toBe(7);
  });

  it('a failed live batch goes to the spool ahead of the points that arrived during it', async () => {
    const { transport, spool, shipper } = rig();
    const release = transport.hold();
    shipper.offer([point(0)]);
    await settle();
    shipper.offer([point(1)]);
    transport.failWith = down;
    release();
    await settle();
    expect(ids(spool.peek(10))).toEqual([0, 1]);
  });

  it('survives an agent restart mid-outage: the next run drains the old spool first', async () => {
    const dir = tempDir('shipper-restart');
    const first = rig({ dir });
    first.transport.failWith = down;
    for (const i of range(0, 4)) first.shipper.offer([point(i)]);
    await settle();
    first.transport.failWith = undefined;
    const release = first.transport.hold();
    first.sleep.wake();
    await settle(); // the replay of 0…3 is in flight…
    first.shipper.offer([point(4)]);
    await first.shipper.stop(); // …when SIGTERM arrives: the send is aborted, nothing acked
    release();
    expect(first.transport.stored).toEqual([]);
    first.spool.close();
    open.splice(0);

    const transport = new FakeTransport();
    const second = rig({ dir, transport });
    second.shipper.offer([point(5)]); // new run samples before the old spool is empty
    await settle();
    second.shipper.offer([point(6)]);
    await settle();
    expect(ids(transport.stored)).toEqual(range(0, 7));
    expect(second.spool.size).toBe(0);
  });

  it('stops on a fatal error (bad key): one attempt, points kept in the spool, done rejects', async () => {
    const { transport, spool, shipper } = rig();
    transport.failWith = new AuthRejectedError();
    shipper.offer([point(0)]);
    await settle();
    shipper.offer([point(1)]);
    await expect(shipper.done).rejects.toBeInstanceOf(AuthRejectedError);
    await expect(shipper.drain()).rejects.toThrow(/PCC_APIKEY/);
    expect(transport.attempts).toBe(1);
    expect(shipper.stats().state).toBe('failed');
    expect(ids(spool.peek(10))).toEqual([0, 1]);
  });

  it('gives FatalError its own exit code', async () => {
    const { transport, shipper } = rig();
    transport.failWith = new FatalError('machine not in this tenant', 1);
    shipper.offer([point(0)]);
    await expect(shipper.done).rejects.toMatchObject({ exitCode: 1 });
  });

  it('retries an unexpected error too (better a retry than a lost point)', async () => {
    const { transport, spool, shipper } = rig();
    transport.failWith = new TypeError('fetch failed');
    shipper.offer([point(0)]);
    await settle();
    expect(shipper.stats().state).toBe('outage');
    expect(spool.size).toBe(1);
  });

  it('backs off exponentially with bounded jitter, and resets after a success', async () => {
    const randoms = [0, 1, 0.5, 0.25, 0.75, 0, 1, 0.5, 0.1];
    let r = 0;
    const { transport, sleep, shipper } = rig({ random: () => randoms[r++ % randoms.length]!, backoff: { baseMs: 1000, maxMs: 16000 } });
    transport.failWith = down;
    shipper.offer([point(0)]);
    for (let i = 0; i < 7; i += 1) {
      await settle();
      sleep.wake();
    }
    await settle();
    const ceilings = [1000, 2000, 4000, 8000, 16000, 16000, 16000, 16000];
    expect(sleep.delays).toHaveLength(8);
    sleep.delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(ceilings[i]! / 2);
      expect(delay).toBeLessThanOrEqual(ceilings[i]!);
    });
    expect(sleep.delays.slice(0, 2)).toEqual([500, 2000]); // random 0 → half, random 1 → full ceiling
    transport.failWith = undefined;
    sleep.wake();
    await settle();
    transport.failWith = down;
    shipper.offer([point(1)]);
    await settle();
    expect(sleep.delays.at(-1)).toBeLessThanOrEqual(1000); // attempt counter restarted
  });

  it("waits at least the server's Retry-After", async () => {
    const { transport, sleep, shipper } = rig();
    transport.failWith = new RetryableError('RATE_LIMITED', 30_000);
    shipper.offer([point(0)]);
    await settle();
    expect(sleep.delays).toEqual([30_000]);
  });

  it('stop() aborts the back-off wait and keeps unsent points in the spool', async () => {
    const { transport, spool, shipper } = rig();
    transport.failWith = down;
    shipper.offer([point(0)]);
    await settle();
    shipper.offer([point(1)]);
    await shipper.stop();
    await expect(shipper.drain()).resolves.toBe(false);
    shipper.offer([point(2)]);
    expect(ids(spool.peek(10))).toEqual([0, 1, 2]);
  });
});

describe('backoffDelay', () => {
  it('doubles its ceiling per attempt up to the maximum, and stays within [ceiling/2, ceiling]', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempt) => backoffDelay(attempt, {}, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
    for (let attempt = 1; attempt < 12; attempt += 1) {
      for (const r of [0, 0.3, 0.999]) {
        const d = backoffDelay(attempt, {}, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.min(60000, 1000 * 2 ** (attempt - 1)) / 2);
        expect(d).toBeLessThanOrEqual(Math.min(60000, 1000 * 2 ** (attempt - 1)));
      }
    }
  });
});
