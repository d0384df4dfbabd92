import { METRIC_COLUMNS, type MetricColumn, type MetricPoint } from '@perfanalysis/contract';
import {
  COMPARED_METRICS,
  COMPARISON_COLUMNS,
  compareBeforeAfter,
  compareFleet,
  generateMetricPoints,
  mulberry32,
  prepareReportData,
  renderComparisonHtml,
  summarizeFleetMember,
} from '../src/index.js';
import { DERIVED_SERIES_COLUMNS } from '../src/data/seriesColumns.js';

const START = Date.UTC(2025, 0, 6);
const HOUR = 3_600_000;
const WINDOW = { from: START, to: START + HOUR };

/** An hour at 1 s with each value missing one time in five, so CPU busy also takes its user + system + steal branch. */
function gappyPoints(seed: number): MetricPoint[] {
  const random = mulberry32(seed + 1000);
  return generateMetricPoints({ seed, count: 3_600, start: START, devices: false }).map((p) => ({
    timestamp: p.timestamp,
    values: Object.fromEntries(Object.entries(p.values).filter(() => random() >= 0.2)),
  }));
}

/** The same points with only `columns` kept: what a read of just those columns gives. */
const only = (points: readonly MetricPoint[], columns: readonly MetricColumn[]): MetricPoint[] =>
  points.map((p) => ({
    timestamp: p.timestamp,
    values: Object.fromEntries(Object.entries(p.values).filter(([c]) => columns.includes(c as MetricColumn))),
  }));

const data = (points: MetricPoint[], name = 'vm') => prepareReportData({ machineId: name, points, ...WINDOW });

describe('the columns a comparison reads (docs/report-comparisons.md)', () => {
  it('are the compared series’ columns and their derived series’ sources, in METRIC_COLUMNS order', () => {
    expect(COMPARISON_COLUMNS).toEqual(METRIC_COLUMNS.filter((c) => COMPARISON_COLUMNS.includes(c)));
    for (const key of COMPARED_METRICS) {
      const sources = (DERIVED_SERIES_COLUMNS as Partial<Record<string, readonly MetricColumn[]>>)[key] ?? [key as MetricColumn];
      for (const column of sources) expect(COMPARISON_COLUMNS).toContain(column);
    }
    expect(COMPARISON_COLUMNS.length).toBeLessThan(METRIC_COLUMNS.length);
  });

  it('derive each derived series exactly as all columns do', () => {
    const all = data(gappyPoints(1));
    for (const [key, columns] of Object.entries(DERIVED_SERIES_COLUMNS)) {
      const derived = key as keyof typeof DERIVED_SERIES_COLUMNS;
      expect(data(only(gappyPoints(1), columns)).derived[derived]).toEqual(all.derived[derived]);
    }
  });

  it('give the same fleet members, before/after figures and documents as all columns', () => {
    const fleet = (columns: readonly MetricColumn[]) =>
      compareFleet(
        [1, 2, 3, 4, 5].map((seed) => summarizeFleetMember(`vm-${seed}`, data(only(gappyPoints(seed), columns), `vm-${seed}`))),
        WINDOW,
      );
    const beforeAfter = (columns: readonly MetricColumn[]) =>
      compareBeforeAfter(
        { label: 'before', data: data(only(gappyPoints(7), columns)) },
        { label: 'after', data: data(only(gappyPoints(8), columns)) },
      );
    expect(fleet(COMPARISON_COLUMNS).members).toEqual(fleet(METRIC_COLUMNS).members);
    expect(renderComparisonHtml(fleet(COMPARISON_COLUMNS), WINDOW.to)).toBe(renderComparisonHtml(fleet(METRIC_COLUMNS), WINDOW.to));
    expect(beforeAfter(COMPARISON_COLUMNS).metrics).toEqual(beforeAfter(METRIC_COLUMNS).metrics);
    expect(renderComparisonHtml(beforeAfter(COMPARISON_COLUMNS), WINDOW.to)).toBe(
      renderComparisonHtml(beforeAfter(METRIC_COLUMNS), WINDOW.to),
    );
  });
});
