import { METRIC_GROUPS, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { DeviceSeriesDocument, SeriesDocument, type SeriesQuery, SummaryDocument } from '@perfanalysis/sdk';
import {
  clientFor,
  createTestEnvironment,
  joinTenant,
  logIn,
  newTenant,
  signUp,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { storeBatches } from '../../subgraphs/metrics/src/storage/storePoints.js';
import { registerMachine, tablesOf, seededRandom, type TestMachine } from './metricData.js';

const HOUR = 3_600_000;
/** Three hours of points at 1 s from an hour boundary three days ago. */
const T0 = Math.floor((Date.now() - 3 * 24 * HOUR) / HOUR) * HOUR;
const SECONDS = 3 * 3_600;
/** Seconds [1200, 1500) are missing: minutes 20–24 of the first hour have no points. */
const inGap = (i: number) => i >= 1_200 && i < 1_500;

const random = seededRandom(42);
const POINTS: MetricPoint[] = [];
for (let i = 0; i < SECONDS; i++) {
  if (inGap(i)) continue;
  const user = Math.round(random() * 9_000) / 100;
  const values: MetricValues = { cpu_user: user, cpu_system: 10 + (i % 60) / 10, cpu_idle: Math.max(0, 90 - user) };
  // Only every tenth point has iowait: averages must weigh by count, not by row.
  if (i % 10 === 0) (values as Record<string, number>).cpu_iowait = (i % 37) / 3;
  const devices =
    i < 3_600
      ? (['cpu0', 'cpu1', 'cpu10'] as const).map((device, d) => ({
          kind: 'cpu' as const,
          device,
          values: { cpu_user: (i % 50) + d * 10, cpu_system: d },
        }))
      : undefined;
  POINTS.push({ timestamp: T0 + i * 1000, values, ...(devices && { devices }) });
}

/** Values as stored: `real` columns keep single precision. */
const stored = (column: 'cpu_user' | 'cpu_system' | 'cpu_idle' | 'cpu_iowait') =>
  POINTS.filter((p) => p.values[column] !== undefined).map((p) => ({ t: p.timestamp, v: Math.fround(p.values[column]!) }));

interface Expected {
  min: (number | null)[];
  avg: (number | null)[];
  max: (number | null)[];
}

function expectedBuckets(values: { t: number; v: number }[], fromMs: number, stepS: number, count: number): Expected {
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (const { t, v } of values) {
    const b = Math.floor((t - fromMs) / (stepS * 1000));
    if (b >= 0 && b < count) groups[b]!.push(v);
  }
  return {
    min: groups.map((g) => (g.length ? Math.min(...g) : null)),
    avg: groups.map((g) => (g.length ? g.reduce((a, b) => a + b, 0) / g.length : null)),
    max: groups.map((g) => (g.length ? Math.max(...g) : null)),
  };
}

const single = (v: number | null) => (v === null ? null : Math.fround(v));

function expectSeriesMatches(actual: SeriesQuery['series']['metrics'][number], expected: Expected, digits: number): void {
  // min and max are stored reals: PostgreSQL prints the shortest decimal of the single, so compare as singles.
  expect(actual.min.map(single)).toEqual(expected.min);
  expect(actual.max.map(single)).toEqual(expected.max);
  expect(actual.avg.map((a) => a === null)).toEqual(expected.avg.map((e) => e === null));
  actual.avg.forEach((a, i) => a !== null && expect(a).toBeCloseTo(expected.avg[i]!, digits));
}

/** percentile_cont: linear interpolation between the two nearest ranks of the sorted values. */
function percentileCont(sorted: number[], fraction: number): number {
  const rank = fraction * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('reading metrics: series, summary, device series', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let machine: TestMachine;

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    machine = await registerMachine(tenant, 'web-01');
    for (let i = 0; i < POINTS.length; i += 3_600) {
      await storeBatches(env.runtime.db.pool, tablesOf(tenant), [{ collectorId: machine.id, points: POINTS.slice(i, i + 3_600) }]);
    }
  });
  afterAll(() => env?.stop());

  const series = (from: number, to: number, buckets: number, group: 'CPU' | 'MEMORY' = 'CPU', client = tenant.client) =>
    client.request(SeriesDocument, { collectorId: machine.id, group, from: iso(from), to: iso(to), buckets }).then((r) => r.series);

  it('buckets raw points for short ranges: min/avg/max per 10 s bucket', async () => {
    const s = await series(T0, T0 + 600_000, 60);
    expect(s).toMatchObject({
      source: 'RAW',
      bucketSeconds: 10,
      from: iso(T0),
      to: iso(T0 + 600_000),
      group: 'CPU',
      collectorId: machine.id,
    });
    expect(s.timestamps).toEqual(Array.from({ length: 60 }, (_, i) => iso(T0 + i * 10_000)));
    expect(s.metrics.map((m) => m.metric)).toEqual([...METRIC_GROUPS.cpu]);
    expect(s.metrics.map((m) => m.unit)).toEqual(['%', '%', '%', '%', '%']);
    const [user, system, , iowait, steal] = s.metrics;
    expectSeriesMatches(user!, expectedBuckets(stored('cpu_user'), T0, 10, 60), 9);
    expectSeriesMatches(system!, expectedBuckets(stored('cpu_system'), T0, 10, 60), 9);
    expectSeriesMatches(iowait!, expectedBuckets(stored('cpu_iowait'), T0, 10, 60), 9);
    expect(steal!.avg.every((v) => v === null)).toBe(true);
  });

  it('reads minute rollups for minute buckets, with explicit nulls where nothing was sent', async () => {
    const s = await series(T0, T0 + 3 * HOUR, 180);
    expect(s).toMatchObject({ source: 'MINUTE', bucketSeconds: 60 });
    expect(s.timestamps).toHaveLength(180);
    const [user, system, idle, iowait] = s.metrics;
    for (const b of [20, 21, 22, 23, 24]) expect([user!.min[b], user!.avg[b], user!.max[b]]).toEqual([null, null, null]);
    expect(user!.avg[19]).not.toBeNull();
    expectSeriesMatches(user!, expectedBuckets(stored('cpu_user'), T0, 60, 180), 4);
    expectSeriesMatches(system!, expectedBuckets(stored('cpu_system'), T0, 60, 180), 4);
    expectSeriesMatches(idle!, expectedBuckets(stored('cpu_idle'), T0, 60, 180), 4);
    expectSeriesMatches(iowait!, expectedBuckets(stored('cpu_iowait'), T0, 60, 180), 4);
  });

  it('reads hour rollups for hour buckets: avg is Σsum/Σcount, min of mins, max of maxes', async () => {
    const s = await series(T0, T0 + 3 * HOUR, 3);
    expect(s).toMatchObject({ source: 'HOUR', bucketSeconds: 3_600 });
    expectSeriesMatches(s.metrics[0]!, expectedBuckets(stored('cpu_user'), T0, 3_600, 3), 3);
    expectSeriesMatches(s.metrics[3]!, expectedBuckets(stored('cpu_iowait'), T0, 3_600, 3), 3);
  });

  it('agrees between raw points and rollups over the same buckets', async () => {
    // 10-minute buckets come from minute rollups; 10-second ones from raw points, merged here.
    const coarse = await series(T0, T0 + HOUR, 6);
    const fine = await series(T0, T0 + HOUR, 360);
    expect([coarse.source, fine.source]).toEqual(['MINUTE', 'RAW']);
    for (let b = 0; b < 6; b++) {
      const slice = <T>(a: T[]) => a.slice(b * 60, b * 60 + 60).filter((v) => v !== null) as number[];
      const mins = slice(fine.metrics[0]!.min);
      if (!mins.length) continue;
      expect(coarse.metrics[0]!.min[b]).toBe(Math.min(...mins));
      expect(coarse.metrics[0]!.max[b]).toBe(Math.max(...slice(fine.metrics[0]!.max)));
    }
  });

  it('widens an unaligned range to whole buckets and picks a nice step', async () => {
    const s = await series(T0 + 30_000, T0 + 630_000, 10);
    expect(s).toMatchObject({ bucketSeconds: 60, source: 'MINUTE', from: iso(T0), to: iso(T0 + 660_000) });
    expect(s.timestamps).toHaveLength(11);
    const odd = await series(T0, T0 + 7 * HOUR, 1000);
    expect(odd.bucketSeconds).toBe(30); // 25.2 s rounds up to the next nice step
    expect(odd.source).toBe('RAW');
    const beyond = await series(T0 + 3 * HOUR - 120_000, T0 + 3 * HOUR + 120_000, 4);
    expect(beyond.metrics[0]!.avg.map((v) => v === null)).toEqual([false, false, true, true]);
  });

  it('answers every view in one query each: memory has its own columns (null here)', async () => {
    const s = await series(T0, T0 + HOUR, 60, 'MEMORY');
    expect(s.metrics.map((m) => m.metric)).toEqual([...METRIC_GROUPS.memory]);
    expect(s.metrics.every((m) => m.avg.length === 60 && m.avg.every((v) => v === null))).toBe(true);
  });

  it('lets any role read (VIEWER) and refuses anonymous callers', async () => {
    const viewer = await signUp(env);
    await joinTenant(env, tenant, viewer, 'VIEWER');
    const session = await logIn(env, viewer, tenant.slug);
    await expect(series(T0, T0 + HOUR, 10, 'CPU', clientFor(env, session.accessToken))).resolves.toMatchObject({ source: 'MINUTE' });
    await expect(series(T0, T0 + HOUR, 10, 'CPU', clientFor(env))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each([
    ['from after to', T0 + HOUR, T0, 10],
    ['from equal to', T0, T0, 10],
    ['a range over 400 days', T0 - 401 * 24 * HOUR, T0, 10],
    ['zero buckets', T0, T0 + HOUR, 0],
    ['5001 buckets', T0, T0 + HOUR, 5_001],
  ])('refuses %s with BAD_USER_INPUT', async (_name, from, to, buckets) => {
    await expect(series(from, to, buckets)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['a malformed id', 'nope'],
  ])('answers NOT_FOUND for %s', async (_name, collectorId) => {
    const request = { collectorId, group: 'CPU' as const, from: iso(T0), to: iso(T0 + HOUR) };
    await expect(tenant.client.request(SeriesDocument, request)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tenant.client.request(SummaryDocument, request)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('summarises with exact percentiles (percentile_cont) over raw points', async () => {
    const { summary } = await tenant.client.request(SummaryDocument, {
      collectorId: machine.id,
      from: iso(T0),
      to: iso(T0 + 3 * HOUR),
      groups: ['CPU'],
    });
    expect(summary.map((m) => m.metric)).toEqual([...METRIC_GROUPS.cpu]);
    for (const column of ['cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait'] as const) {
      const values = stored(column)
        .map((v) => v.v)
        .sort((a, b) => a - b);
      const m = summary.find((s) => s.metric === column)!;
      expect(m.count).toBe(values.length);
      expect(single(m.min)).toBe(values[0]);
      expect(single(m.max)).toBe(values[values.length - 1]);
      expect(m.p100).toBe(m.max);
      expect(m.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
      expect(m.p95).toBeCloseTo(percentileCont(values, 0.95), 6);
      expect(m.p975).toBeCloseTo(percentileCont(values, 0.975), 6);
      expect(m.p99).toBeCloseTo(percentileCont(values, 0.99), 6);
    }
    expect(summary.find((s) => s.metric === 'cpu_steal')).toMatchObject({ count: 0, min: null, mean: null, p95: null, p100: null });
  });

  it('summarises every group when none is given', async () => {
    const { summary } = await tenant.client.request(SummaryDocument, { collectorId: machine.id, from: iso(T0), to: iso(T0 + 60_000) });
    expect(summary).toHaveLength(27);
    expect(summary.find((s) => s.metric === 'cpu_user')!.count).toBe(60);
  });

  it('buckets every device of a kind from raw per-device values, in natural order', async () => {
    const { deviceSeries } = await tenant.client.request(DeviceSeriesDocument, {
      collectorId: machine.id,
      kind: 'CPU',
      from: iso(T0),
      to: iso(T0 + HOUR),
      buckets: 60,
    });
    expect(deviceSeries.map((d) => d.device)).toEqual(['cpu0', 'cpu1', 'cpu10']);
    const cpu1 = deviceSeries[1]!;
    expect(cpu1.kind).toBe('CPU');
    expect(cpu1.timestamps).toHaveLength(60);
    expect(cpu1.metrics.map((m) => m.metric)).toEqual([...METRIC_GROUPS.cpu]);
    const values = POINTS.filter((p) => p.devices).map((p) => ({ t: p.timestamp, v: p.devices![1]!.values.cpu_user! }));
    expectSeriesMatches(cpu1.metrics[0]!, expectedBuckets(values, T0, 60, 60), 9);
    expect(cpu1.metrics[2]!.avg.every((v) => v === null)).toBe(true); // cpu_idle was not sent per device
    await expect(
      tenant.client.request(DeviceSeriesDocument, { collectorId: machine.id, kind: 'DISK', from: iso(T0 - 8 * 24 * HOUR), to: iso(T0) }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
