import { CollectorRef, ref } from '@perfanalysis/platform';
import type { BeforeAfterComparison, FleetComparison } from '@perfanalysis/reports';
import type { ComparisonRead } from './renderComparison.js';
import { ChangeVerdict, ComparisonChange, ComparisonOutlier } from './comparison.type.js';

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const VERDICTS: Record<string, ChangeVerdict> = { higher: ChangeVerdict.HIGHER, lower: ChangeVerdict.LOWER };

/** The mean and p95 change of each metric of a before/after, as the API answers them. */
export function comparisonChanges(comparison: BeforeAfterComparison | FleetComparison): ComparisonChange[] {
  if (comparison.kind !== 'beforeAfter') return [];
  return comparison.metrics.flatMap((m) =>
    (['mean', 'p95'] as const).map((statistic) => {
      const c = m[statistic];
      return Object.assign(new ComparisonChange(), {
        metric: m.key,
        statistic,
        before: finiteOrNull(c.before),
        after: finiteOrNull(c.after),
        change: finiteOrNull(c.change),
        low: finiteOrNull(c.interval.low),
        high: finiteOrNull(c.interval.high),
        verdict: VERDICTS[c.verdict] ?? ChangeVerdict.NO_CLEAR_CHANGE,
      });
    }),
  );
}

/** The named outliers of a fleet, each pointing at its collector (members are named by machine id, unique per tenant). */
export function comparisonOutliers(
  comparison: BeforeAfterComparison | FleetComparison,
  reads: readonly ComparisonRead[],
): ComparisonOutlier[] {
  if (comparison.kind !== 'fleet') return [];
  const idOf = new Map(reads.map((r) => [r.collector.machineId, r.collector.id]));
  return comparison.outliers.flatMap((metric) =>
    metric.outliers.map((o) =>
      Object.assign(new ComparisonOutlier(), {
        collector: ref(CollectorRef, idOf.get(o.name)!),
        metric: metric.key,
        value: o.value,
        side: o.side,
        fence: o.fence,
      }),
    ),
  );
}
