import fc from 'fast-check';
import { fleetOutliers } from '../src/index.js';

const named = (values: number[]) => values.map((value, i) => ({ name: `vm-${i}`, value }));

describe('fleetOutliers: Tukey’s fences on the fleet’s p95s (docs/report-comparisons.md)', () => {
  it('names a collector far above the others, with the fence it crossed', () => {
    const outliers = fleetOutliers(named([20, 22, 25, 21, 23, 24, 97]));
    // Q1 = 21.5, Q3 = 24.5, IQR = 3: upper fence 29.
    expect(outliers).toEqual([{ name: 'vm-6', value: 97, side: 'high', fence: 29 }]);
  });

  it('names low outliers after high ones, and ignores collectors without the figure', () => {
    const outliers = fleetOutliers(named([50, 52, 51, 53, 49, 1, 99, NaN]));
    expect(outliers.map((o) => [o.name, o.side])).toEqual([
      ['vm-6', 'high'],
      ['vm-5', 'low'],
    ]);
  });

  it('names nobody in a fleet of fewer than 4', () => {
    expect(fleetOutliers(named([1, 2, 1000]))).toEqual([]);
  });

  it('never names anyone inside the fences, and names nobody when all are equal', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 4, maxLength: 100 }), (values) => {
        for (const o of fleetOutliers(named(values))) {
          expect(o.side === 'high' ? o.value > o.fence : o.value < o.fence).toBe(true);
        }
      }),
    );
    expect(fleetOutliers(named([40, 40, 40, 40, 40]))).toEqual([]);
  });
});
