import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { ReportDataBuilder } from '../src/index.js';
import { craftPoints, T0 } from './support/craftedPoints.js';

const N = 50;
const points = craftPoints(
  N,
  { cpu_user: Array.from({ length: N }, (_, i) => i), swap_used_mb: Array.from({ length: N }, (_, i) => (i >= 20 ? i / 2 : undefined)) },
  { disk: { sda: { disk_io_util: Array.from({ length: N }, (_, i) => 100 - i) } } },
);
const META = { machineId: 'm', from: T0, to: T0 + N * 1000 };

/** The same points as `add` takes them, fed as rows in METRIC_COLUMNS order and device samples apart. */
function builtFromRows(): ReportDataBuilder {
  const builder = new ReportDataBuilder({}, 8);
  const row = new Float64Array(METRIC_COLUMNS.length);
  for (const point of points) {
    METRIC_COLUMNS.forEach((c, i) => (row[i] = point.values[c] ?? Number.NaN));
    builder.addRow(point.timestamp, row);
  }
  for (const point of points) if (point.devices) expect(builder.addDeviceSamples(point.timestamp, point.devices)).toBe(true);
  return builder;
}

describe('ReportDataBuilder rows, device samples and hand-over to another thread', () => {
  const expected = (() => {
    const builder = new ReportDataBuilder({}, 8);
    points.forEach((p) => builder.add(p));
    return builder.finish(META);
  })();

  it('builds from rows and separate device samples exactly what it builds from points', () => {
    expect(builtFromRows().finish(META)).toEqual(expected);
  });

  it('attaches no device sample to an instant it has no point of', () => {
    expect(builtFromRows().addDeviceSamples(T0 + 500, [{ kind: 'cpu', device: 'cpu0', values: { cpu_user: 1 } }])).toBe(false);
  });

  it('survives toState, a structured clone with its buffers transferred, and fromState', () => {
    const { state, transfer } = builtFromRows().toState();
    const copy = structuredClone(state, { transfer });
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(ReportDataBuilder.fromState(copy).finish(META)).toEqual(expected);
  });
});
