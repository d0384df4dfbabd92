import { checkComparisonInput } from '../src/compare/checkComparisonInput.js';
import { ComparisonKind, type CompareReportInput } from '../src/compare/comparison.type.js';
import { ReportFormat } from '../src/report/report.type.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1);
const w = (fromH: number, toH: number) => ({ from: new Date(T0 + fromH * HOUR), to: new Date(T0 + toH * HOUR) });
const input = (kind: ComparisonKind, collectorIds: string[], windows: ReturnType<typeof w>[]): CompareReportInput =>
  ({ kind, collectorIds, windows, format: ReportFormat.HTML }) as CompareReportInput;
const bad = (i: CompareReportInput) =>
  expect(() => checkComparisonInput(i)).toThrow(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
  );

describe('checkComparisonInput (docs/report-comparisons.md)', () => {
  it('before/after: one collector over two windows, or two collectors over one or two', () => {
    expect(checkComparisonInput(input(ComparisonKind.BEFORE_AFTER, ['a'], [w(0, 1), w(1, 2)])).reads).toEqual([
      { collectorId: 'a', ...w(0, 1) },
      { collectorId: 'a', ...w(1, 2) },
    ]);
    expect(checkComparisonInput(input(ComparisonKind.BEFORE_AFTER, ['a', 'b'], [w(0, 1)])).reads).toEqual([
      { collectorId: 'a', ...w(0, 1) },
      { collectorId: 'b', ...w(0, 1) },
    ]);
    expect(checkComparisonInput(input(ComparisonKind.BEFORE_AFTER, ['a', 'b'], [w(0, 1), w(5, 6)])).reads[1]).toEqual({
      collectorId: 'b',
      ...w(5, 6),
    });
  });

  it('fleet: 1 to 100 distinct collectors over one window of at most 7 days', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
    expect(checkComparisonInput(input(ComparisonKind.FLEET, ids, [w(0, 24)])).reads).toHaveLength(100);
    bad(input(ComparisonKind.FLEET, [...ids, 'c100'], [w(0, 24)]));
    bad(input(ComparisonKind.FLEET, ['a', 'a'], [w(0, 24)]));
    bad(input(ComparisonKind.FLEET, ['a'], [w(0, 1), w(1, 2)]));
    bad(input(ComparisonKind.FLEET, ['a'], [w(0, 7 * 24 + 1)]));
  });

  it('refuses no window, empty or reversed windows, no collector, and shapes of neither kind', () => {
    bad(input(ComparisonKind.FLEET, ['a'], []));
    bad(input(ComparisonKind.BEFORE_AFTER, ['a'], [w(0, 1), w(2, 2)]));
    bad(input(ComparisonKind.BEFORE_AFTER, ['a'], [w(0, 1), w(3, 2)]));
    bad(input(ComparisonKind.BEFORE_AFTER, [], [w(0, 1)]));
    bad(input(ComparisonKind.BEFORE_AFTER, ['a'], [w(0, 1)]));
    bad(input(ComparisonKind.BEFORE_AFTER, ['a', 'b', 'c'], [w(0, 1)]));
    bad(input(ComparisonKind.BEFORE_AFTER, ['a', 'b'], [w(0, 1), w(1, 2), w(2, 3)]));
  });
});
