import { CollectorRef, ref } from '@perfanalysis/platform';
import type { ComparisonRead, RenderedComparison } from './renderComparison.js';
import { ChangeVerdict, ComparisonChange, ComparisonOutlier } from './comparison.type.js';

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const VERDICTS: Record<string, ChangeVerdict> = { higher: ChangeVerdict.HIGHER, lower: ChangeVerdict.LOWER };

/** The mean and p95 change of each metric of a before/after, as the API answers them. */
export function comparisonChanges(rendered: RenderedComparison): ComparisonChange[] {
  return rendered.changes.map((c) =>
    Object.assign(new ComparisonChange(), {
      metric: c.metric,
      statistic: c.statistic,
      before: finiteOrNull(c.before),
      after: finiteOrNull(c.after),
      change: finiteOrNull(c.change),
      low: finiteOrNull(c.low),
      high: finiteOrNull(c.high),
      verdict: VERDICTS[c.verdict] ?? ChangeVerdict.NO_CLEAR_CHANGE,
    }),
  );
}

/** The named outliers of a fleet, each pointing at its collector (members are named by machine id, unique per tenant). */
export function comparisonOutliers(rendered: RenderedComparison, reads: readonly ComparisonRead[]): ComparisonOutlier[] {
  const idOf = new Map(reads.map((r) => [r.collector.machineId, r.collector.id]));
  return rendered.outliers.map((o) =>
    Object.assign(new ComparisonOutlier(), {
      collector: ref(CollectorRef, idOf.get(o.name)!),
      metric: o.metric,
      value: o.value,
      side: o.side,
      fence: o.fence,
    }),
  );
}
