import { METRIC_COLUMNS, METRIC_GROUPS } from '@perfanalysis/contract';
import { AGGREGATE_COLUMN_ORDER, CPU_COLUMN_ORDER, DISK_COLUMN_ORDER, NET_COLUMN_ORDER } from '../src/data/readColumns.js';
import { prepareReportData, ReportDataBuilder } from '../src/index.js';
import { craftPoints, T0 } from './support/craftedPoints.js';

describe('column readers', () => {
  it('follow the contract: every column, in contract order', () => {
    expect([...AGGREGATE_COLUMN_ORDER]).toEqual([...METRIC_COLUMNS]);
    expect([...CPU_COLUMN_ORDER]).toEqual([...METRIC_GROUPS.cpu]);
    expect([...DISK_COLUMN_ORDER]).toEqual([...METRIC_GROUPS.disk]);
    expect([...NET_COLUMN_ORDER]).toEqual([...METRIC_GROUPS.network]);
  });

  it('put each value in its own column', () => {
    const values = Object.fromEntries(METRIC_COLUMNS.map((c, i) => [c, i + 0.5]));
    const devices = [
      { kind: 'cpu' as const, device: 'cpu0', values: Object.fromEntries(METRIC_GROUPS.cpu.map((c, i) => [c, 100 + i])) },
      { kind: 'disk' as const, device: 'sda', values: Object.fromEntries(METRIC_GROUPS.disk.map((c, i) => [c, 200 + i])) },
      { kind: 'net' as const, device: 'eth0', values: Object.fromEntries(METRIC_GROUPS.network.map((c, i) => [c, 300 + i])) },
    ];
    const data = prepareReportData({ machineId: 'm', points: [{ timestamp: T0, values, devices }] });
    METRIC_COLUMNS.forEach((c, i) => expect(data.columns[c]?.[0]).toBe(i + 0.5));
    METRIC_GROUPS.cpu.forEach((c, i) => expect(data.devices.cpu[0]?.values[c]?.[0]).toBe(100 + i));
    METRIC_GROUPS.disk.forEach((c, i) => expect(data.devices.disk[0]?.values[c]?.[0]).toBe(200 + i));
    METRIC_GROUPS.network.forEach((c, i) => expect(data.devices.net[0]?.values[c]?.[0]).toBe(300 + i));
  });
});

describe('ReportDataBuilder', () => {
  it('sorts points that arrive out of order, devices with them', () => {
    const points = craftPoints(5, { cpu_user: [0, 1, 2, 3, 4] }, { disk: { sda: { disk_io_util: [10, 11, 12, 13, 14] } } });
    const builder = new ReportDataBuilder({}, 2);
    for (const i of [3, 0, 4, 1, 2]) builder.add(points[i]!);
    const data = builder.finish({ machineId: 'm' });
    expect([...data.time]).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i * 1000));
    expect([...data.columns.cpu_user!]).toEqual([0, 1, 2, 3, 4]);
    expect([...data.devices.disk[0]!.values.disk_io_util!]).toEqual([10, 11, 12, 13, 14]);
  });

  it('grows past its initial capacity and keeps columns that start mid-way NaN before', () => {
    const n = 100;
    const builder = new ReportDataBuilder({}, 16);
    craftPoints(n, {
      cpu_user: Array.from({ length: n }, (_, i) => i),
      swap_used_mb: Array.from({ length: n }, (_, i) => (i >= 50 ? 7 : undefined)),
    }).forEach((p) => builder.add(p));
    const data = builder.finish({ machineId: 'm' });
    expect(data.time).toHaveLength(n);
    expect(data.columns.cpu_user![99]).toBe(99);
    expect(data.columns.swap_used_mb![49]).toBeNaN();
    expect(data.columns.swap_used_mb![50]).toBe(7);
    expect(data.summaries.swap_used_mb?.count).toBe(50);
  });

  it('keeps only the points of its window', () => {
    const points = craftPoints(10, { cpu_user: Array.from({ length: 10 }, (_, i) => i) });
    const data = prepareReportData({ machineId: 'm', points, from: T0 + 2000, to: new Date(T0 + 5000).toISOString() });
    expect([...data.columns.cpu_user!]).toEqual([2, 3, 4, 5]);
    expect(data.from).toBe(T0 + 2000);
    expect(data.to).toBe(T0 + 5000);
  });

  it('resolves capacities from the data unless given, and sorts devices naturally', () => {
    const cores = Object.fromEntries(['cpu10', 'cpu2', 'cpu1'].map((d) => [d, { cpu_idle: [50] }]));
    const data = prepareReportData({
      machineId: 'm',
      points: craftPoints(1, { mem_total_mb: [8192], swap_total_mb: [0] }, { cpu: cores }),
      capacities: { networkThroughputMbPerSec: 1250 },
    });
    expect(data.devices.cpu.map((d) => d.device)).toEqual(['cpu1', 'cpu2', 'cpu10']);
    expect(data.capacities).toEqual({
      cpuCount: 3,
      memoryMb: 8192,
      swapMb: undefined,
      diskThroughputMbPerSec: 500,
      networkThroughputMbPerSec: 1250,
    });
  });

  it('finds the typical interval and treats longer silences as gaps', () => {
    const points = craftPoints(10, { cpu_user: new Array(10).fill(1) }, {}, 5000);
    const data = prepareReportData({ machineId: 'm', points });
    expect(data.intervalMs).toBe(5000);
    expect(data.maxGapMs).toBe(12_500);
  });

  it('rejects an unparseable window', () => {
    expect(() => prepareReportData({ machineId: 'm', points: [], from: 'yesterday' })).toThrow(RangeError);
  });
});
