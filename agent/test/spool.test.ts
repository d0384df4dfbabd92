import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricPoint } from '@perfanalysis/contract';
import { SpoolLockedError } from '../src/errors/SpoolLockedError.js';
import { openSpool, type Spool, type SpoolOptions } from '../src/spool/openSpool.js';
import { tempDir } from './helpers/fixtureProc.js';

const point = (i: number): MetricPoint => ({
  timestamp: 1_736_942_400_000 + i * 1000,
  values: { cpu_user: i % 100, cpu_system: 1, cpu_idle: 2 },
  devices: [{ kind: 'cpu', device: 'cpu0', values: { cpu_user: i % 100 } }],
});
const points = (from: number, count: number): MetricPoint[] => Array.from({ length: count }, (_, k) => point(from + k));
const ids = (list: readonly MetricPoint[]): number[] => list.map((p) => (p.timestamp - 1_736_942_400_000) / 1000);

const spools: Spool[] = [];
function open(dir: string, options: Partial<SpoolOptions> = {}): Spool {
  const spool = openSpool({ dir, fsync: false, ...options });
  spools.push(spool);
  return spool;
}
function close(spool: Spool): void {
  spool.close();
  spools.splice(spools.indexOf(spool), 1);
}
afterEach(() => {
  for (const s of spools.splice(0)) s.close();
});

describe('spool', () => {
  it('replays in append order, and ack removes exactly what was peeked', () => {
    const spool = open(tempDir('spool'));
    spool.append(points(0, 3));
    spool.append(points(3, 4));
    expect(ids(spool.peek(5))).toEqual([0, 1, 2, 3, 4]);
    expect(ids(spool.peek(5))).toEqual([0, 1, 2, 3, 4]); // peek does not consume
    spool.ack(2);
    expect(spool.size).toBe(5);
    expect(ids(spool.peek(10))).toEqual([2, 3, 4, 5, 6]);
    spool.ack(5);
    expect(spool.size).toBe(0);
    expect(spool.peek(10)).toEqual([]);
  });

  it('round-trips a point exactly, devices included', () => {
    const spool = open(tempDir('spool'));
    spool.append([point(42)]);
    expect(spool.peek(1)).toEqual([point(42)]);
  });

  it('accepts partial acks of one peek and refuses to ack what was not peeked', () => {
    const spool = open(tempDir('spool'));
    spool.append(points(0, 4));
    spool.peek(3);
    spool.ack(1);
    spool.ack(2);
    expect(ids(spool.peek(10))).toEqual([3]);
    expect(() => spool.ack(2)).toThrow(/exceeds/);
  });

  it('survives a restart: a new instance on the same directory sees the unacked points, in order', () => {
    const dir = tempDir('spool');
    const first = open(dir);
    first.append(points(0, 10));
    first.peek(4);
    first.ack(4);
    close(first);
    const second = open(dir);
    expect(second.size).toBe(6);
    expect(ids(second.peek(100))).toEqual([4, 5, 6, 7, 8, 9]);
    second.append(points(10, 2));
    expect(ids(second.peek(100))).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('spreads records over segments and deletes each one once fully acknowledged', () => {
    const dir = tempDir('spool');
    const spool = open(dir, { maxBytes: 1_000_000, segmentBytes: 1000 });
    for (let i = 0; i < 20; i += 1) spool.append([point(i)]);
    const segments = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    expect(segments().length).toBeGreaterThan(3);
    expect(ids(spool.peek(20))).toEqual(points(0, 20).map((_, i) => i));
    spool.ack(20);
    expect(segments()).toEqual([]);
    spool.append([point(20)]);
    expect(ids(spool.peek(5))).toEqual([20]);
  });

  it('drops the oldest points only past the size bound, and counts them across restarts', () => {
    const dir = tempDir('spool');
    const one = Buffer.byteLength(`${JSON.stringify(point(10))}\n`);
    const spool = open(dir, { maxBytes: one * 10, segmentBytes: one * 2 });
    spool.append(points(10, 10)); // exactly the bound: nothing dropped
    expect(spool.stats()).toMatchObject({ records: 10, dropped: 0 });
    spool.append(points(20, 1)); // one past the bound: the oldest segment goes
    const { records, dropped, bytes } = spool.stats();
    expect(dropped).toBeGreaterThan(0);
    expect(records + dropped).toBe(11);
    expect(bytes).toBeLessThanOrEqual(one * 10);
    const kept = ids(spool.peek(100));
    expect(kept.at(-1)).toBe(20);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => 21 - kept.length + k)); // newest, contiguous, in order
    close(spool);
    expect(open(dir, { maxBytes: one * 10, segmentBytes: one * 2 }).stats().dropped).toBe(dropped);
  });

  it('acks correctly when the bound dropped some of the peeked points meanwhile', () => {
    const dir = tempDir('spool');
    const one = Buffer.byteLength(`${JSON.stringify(point(10))}\n`);
    const spool = open(dir, { maxBytes: one * 4, segmentBytes: one * 2 });
    spool.append(points(10, 4)); // split over two segments: (10, 11) (12, 13)
    expect(ids(spool.peek(2))).toEqual([10, 11]); // in flight…
    spool.append(points(14, 2)); // …while the oldest segment (10, 11) is dropped
    spool.ack(2);
    expect(ids(spool.peek(10))).toEqual([12, 13, 14, 15]); // nothing newer skipped
  });

  it('keeps only the newest points of a batch larger than the whole bound', () => {
    const one = Buffer.byteLength(`${JSON.stringify(point(10))}\n`);
    const spool = open(tempDir('spool'), { maxBytes: one * 3 });
    spool.append(points(10, 5));
    expect(ids(spool.peek(10))).toEqual([12, 13, 14]);
    expect(spool.stats().dropped).toBe(2);
  });

  it('cuts a record torn by a crash mid-write, then appends after the last whole one', () => {
    const dir = tempDir('spool');
    const first = open(dir);
    first.append(points(0, 3));
    close(first);
    const [segment] = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    appendFileSync(join(dir, segment!), '{"timestamp":17369424'); // torn: no newline
    const second = open(dir);
    expect(ids(second.peek(10))).toEqual([0, 1, 2]);
    second.append([point(3)]);
    expect(ids(second.peek(10))).toEqual([0, 1, 2, 3]);
  });

  it('skips corrupted records, counting each once', () => {
    const dir = tempDir('spool');
    const first = open(dir);
    first.append(points(0, 5));
    close(first);
    const [segment] = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    const lines = [
      'not json',
      JSON.stringify(point(1)),
      JSON.stringify({ timestamp: 'x', values: {} }),
      JSON.stringify(point(3)),
      JSON.stringify(point(4)),
    ];
    writeFileSync(join(dir, segment!), `${lines.join('\n')}\n`);
    const second = open(dir);
    expect(ids(second.peek(10))).toEqual([1, 3, 4]);
    expect(ids(second.peek(10))).toEqual([1, 3, 4]);
    second.ack(3);
    expect(second.stats()).toMatchObject({ records: 0, corrupt: 2 });
  });

  it('steps over a head made only of unreadable lines', () => {
    const dir = tempDir('spool');
    const first = open(dir);
    first.append(points(0, 2));
    close(first);
    const [segment] = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    writeFileSync(join(dir, segment!), 'garbage\nmore garbage\n');
    const second = open(dir);
    expect(second.peek(10)).toEqual([]);
    expect(second.size).toBe(0);
  });

  it('belongs to one agent at a time; a lock left by a dead process is taken over', () => {
    const dir = tempDir('spool');
    open(dir);
    expect(() => openSpool({ dir })).toThrow(SpoolLockedError);
    for (const s of spools.splice(0)) s.close();
    writeFileSync(join(dir, 'lock'), '999999999');
    expect(() => open(dir)).not.toThrow();
  });

  it('syncs to disk by default (fsync: true) without changing behaviour', () => {
    const dir = tempDir('spool');
    const spool = open(dir, { fsync: true });
    spool.append(points(0, 2));
    expect(ids(spool.peek(2))).toEqual([0, 1]);
  });
});
