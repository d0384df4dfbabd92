import { formatMetricsCsv, METRIC_COLUMNS, metricsCsvHeader, toCsvLine } from '@perfanalysis/contract';
import { metricValuesFrom } from '../src/csv/metricValuesFrom.js';
import { fixture, parseAll } from './support/csvOutcome.js';

describe('formatMetricsCsv', () => {
  it('writes the canonical header: timestamp, machine_id, then every metric in contract order', () => {
    expect(metricsCsvHeader()).toBe(['timestamp', 'machine_id', ...METRIC_COLUMNS].join(','));
  });

  it('writes ISO-8601 UTC with milliseconds, empty cells for absent or non-finite values', () => {
    const line = toCsvLine('web-01', {
      timestamp: Date.UTC(2024, 4, 1, 0, 0, 1, 5),
      values: { cpu_user: 1.5, cpu_idle: NaN, load_15min: 2 },
    });
    expect(line).toBe(`2024-05-01T00:00:01.005Z,web-01,1.5${','.repeat(25)},2`);
  });

  it('quotes machine ids that hold commas, quotes or line breaks', () => {
    const line = toCsvLine('rack "A", slot 3', { timestamp: 0, values: {} });
    expect(line.startsWith('1970-01-01T00:00:00.000Z,"rack ""A"", slot 3",')).toBe(true);
  });

  it('rejects a timestamp that is not a time', () => {
    expect(() => toCsvLine('m', { timestamp: NaN, values: {} })).toThrow(RangeError);
  });

  it('reproduces the canonical fixture byte for byte from its parsed rows', async () => {
    const text = fixture('canonical.csv').toString('utf8');
    expect(formatMetricsCsv(await parseAll(text))).toBe(text);
  });
});

describe('metricValuesFrom', () => {
  it('fills each METRIC_COLUMNS slot under its own name, in contract order', () => {
    METRIC_COLUMNS.forEach((column, slot) => {
      const slots = new Float64Array(METRIC_COLUMNS.length).fill(NaN);
      slots[slot] = slot + 0.5;
      expect(metricValuesFrom(slots)).toEqual({ [column]: slot + 0.5 });
    });
    expect(Object.keys(metricValuesFrom(new Float64Array(METRIC_COLUMNS.length)))).toEqual([...METRIC_COLUMNS]);
  });
});
