import { bandsMax, bridgeShortGaps, isolatedPoints, nearestIndex, toBands } from '../src/charts/seriesBands.js';
import { metricLabel, toSnakeCase } from '../src/charts/metricLabels.js';

const series = {
  bucketSeconds: 60,
  timestamps: ['2026-11-22T12:00:00Z', '2026-11-22T12:01:00Z', '2026-11-22T12:02:00Z'],
  metrics: [
    { metric: 'disk_read_mb', unit: 'MB/s', min: [1, null, 2], avg: [2, null, 3], max: [3, null, 9] },
    { metric: 'disk_write_mb', unit: 'MB/s', min: [0, 0, 0], avg: [1, 1, 1], max: [1, 1, 4] },
  ],
};

describe('series as bands', () => {
  it('keeps empty buckets as nulls so the chart breaks there', () => {
    const [read] = toBands(series);
    expect(read!.points[1]).toEqual({ t: Date.parse('2026-11-22T12:01:00Z'), min: null, avg: null, max: null });
    expect(read!.points[2]).toMatchObject({ min: 2, avg: 3, max: 9 });
  });

  it('picks and orders metrics', () => {
    expect(toBands(series, ['disk_write_mb', 'disk_read_mb', 'absent']).map((b) => b.metric)).toEqual(['disk_write_mb', 'disk_read_mb']);
  });

  it('scales to the largest max', () => {
    expect(bandsMax(toBands(series))).toBe(9);
    expect(bandsMax([])).toBe(0);
  });

  it('finds the nearest bucket', () => {
    const points = [{ t: 0 }, { t: 10 }, { t: 20 }];
    expect(nearestIndex(points, -5)).toBe(0);
    expect(nearestIndex(points, 14)).toBe(1);
    expect(nearestIndex(points, 16)).toBe(2);
    expect(nearestIndex(points, 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });

  it('labels metrics in either spelling', () => {
    expect(toSnakeCase('load15min')).toBe('load_15min');
    expect(toSnakeCase('memAvailableMb')).toBe('mem_available_mb');
    expect(metricLabel('cpuIowait')).toBe('I/O wait');
    expect(metricLabel('net_rx_mb')).toBe('Received');
    expect(metricLabel('gpu_temp')).toBe('Gpu temp');
  });
});

describe('drawing sparse series', () => {
  const p = (t: number, avg: number | null) => ({ t, min: avg, avg, max: avg });

  it('bridges empty buckets between regular samples, and breaks at a real pause', () => {
    // One sample a minute in 2 s buckets, then a 10-minute outage.
    const points = [];
    for (let t = 0; t <= 600; t += 2) points.push(p(t * 1000, t % 60 === 0 ? t : null));
    for (let t = 1200; t <= 1320; t += 2) points.push(p(t * 1000, t % 60 === 0 ? t : null));
    const drawn = bridgeShortGaps(points);
    expect(drawn.map((d) => (d ? d.t / 1000 : null))).toEqual([0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, null, 1200, 1260, 1320]);
  });

  it('marks points without neighbours to be drawn as dots', () => {
    expect(isolatedPoints(bridgeShortGaps([p(0, 1)])).map((d) => d.t)).toEqual([0]);
    expect(isolatedPoints([p(0, 1), null, p(10, 1), p(11, 1), null, p(30, 2)]).map((d) => d.t)).toEqual([0, 30]);
    expect(bridgeShortGaps([])).toEqual([]);
  });
});
