import type { MetricPoint } from '@perfanalysis/contract';
import { CollectionValueError } from '@perfanalysis/contract';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { collection, sample } from '../../e2e/pcc/pccCollection.js';
import { collectionPoints } from '../src/pcc/collectionPoints.js';
import { PccDeriver } from '../src/pcc/pccDeriver.js';

/** The points of a body through the path both the server and `perfagent convert` take. */
async function derivedPoints(body: Buffer | string, deriver = new PccDeriver()) {
  const points: MetricPoint[] = [];
  for await (const { point } of collectionPoints(Readable.from([Buffer.from(body)]), deriver)) points.push(point);
  return points;
}

describe('pcc measurements into points', () => {
  it('derives one point per round after the first, with the agent rates', async () => {
    const points = await derivedPoints(collection(1_760_000_000, 6));
    expect(points.map((p) => p.timestamp)).toEqual([1, 2, 3, 4, 5].map((i) => (1_760_000_000 + i * 10) * 1000));
    for (const p of points) expect(p.values).toMatchObject({ cpu_user: 30, cpu_system: 10, cpu_idle: 55, cpu_iowait: 5 });
  });

  it('resumes from the persisted raw readings exactly as one uninterrupted run (replicas, restarts)', async () => {
    const whole = await derivedPoints(collection(1_760_000_000, 6));
    const first = new PccDeriver();
    const half = collection(1_760_000_000, 6).split('\n');
    const cut = half.findIndex((line) => line.includes('"timestamp":1760000030,'));
    const before = await derivedPoints(half.slice(0, cut).join('\n'), first);
    const after = await derivedPoints(half.slice(cut).join('\n'), new PccDeriver(first.latest()));
    expect([...before, ...after]).toEqual(whole);
  });

  it('reads a JSON array body like NDJSON', async () => {
    const array = JSON.stringify([0, 1, 2].flatMap((i) => sample(i, 1_760_000_000 + i * 10)));
    expect(await derivedPoints(array)).toEqual(await derivedPoints(collection(1_760_000_000, 3)));
  });

  it('counts subsystems without columns and unknown ones, never failing on them', async () => {
    const deriver = new PccDeriver();
    const extra = JSON.stringify({ timestamp: 1_760_000_000, subsystem: '/proc/vmstat', measurement: 'nr_free_pages 1' });
    await derivedPoints(`${extra}\n${collection(1_760_000_000, 2)}`, deriver);
    expect(Object.fromEntries(deriver.tally.ignored)).toEqual({
      '/proc/vmstat': 1,
      '/proc/cpuinfo': 2,
      'statfs[*]': 2,
      'container/docker/0123456789ab': 2,
    });
  });

  it('refuses samples out of time order, naming the line of the late one', async () => {
    const rounds = [0, 1, 2, 3].map((i) => sample(i, 1_760_000_000 + [0, 10, 20, 15][i]!));
    const body = rounds.map((r) => r.map((m) => JSON.stringify(m)).join('\n')).join('\n');
    const late = rounds.slice(0, 3).reduce((n, r) => n + r.length, 0) + 1;
    await expect(derivedPoints(body)).rejects.toMatchObject({ code: 'INVALID_VALUE', details: { line: late, column: 'timestamp' } });
  });

  it('any byte string either loads or fails with a typed error', async () => {
    const valid = collection(1_760_000_000, 3);
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ maxLength: 500 }),
      fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 40 })).map(([at, junk]) => valid.slice(0, at) + junk + valid.slice(at)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        try {
          await derivedPoints(body);
        } catch (error) {
          expect(error).toBeInstanceOf(CollectionValueError);
          expect((error as CollectionValueError).code).toBe('INVALID_VALUE');
        }
      }),
      { numRuns: 300 },
    );
  });
});
