import { formatFigure } from '../format/formatFigure.js';
import type { FleetComparison } from './compareFleet.js';
import type { ComparisonTable } from './comparisonTable.js';

/** One ranked percentile table per metric: p95, p97.5, p99 and p100 of every collector, highest p95 first. */
export function fleetPercentileTables(comparison: FleetComparison): ComparisonTable[] {
  return comparison.rankings.map((ranking) => ({
    id: `rank-${ranking.key}`,
    caption: `${ranking.label}${ranking.unit ? ` (${ranking.unit})` : ''}: collectors ranked by p95.`,
    columns: [
      { header: 'Rank', width: 0.8 },
      { header: 'Collector', width: 4, align: 'left' as const },
      { header: 'Samples', width: 1.5 },
      { header: 'p95', width: 1.3 },
      { header: 'p97.5', width: 1.3 },
      { header: 'p99', width: 1.3 },
      { header: 'p100', width: 1.3 },
    ],
    rows: ranking.members.map((member, i) => {
      const s = member.summaries[ranking.key]!;
      return [
        String(i + 1),
        member.name,
        member.samples.toLocaleString('en-US'),
        ...[s.p95, s.p97_5, s.p99, s.p100].map((v) => formatFigure(v, '')),
      ];
    }),
  }));
}

/** The named outliers of CPU and memory, one line each; empty when there is none. */
export function fleetOutlierLines(comparison: FleetComparison): string[] {
  return comparison.outliers.flatMap((metric) =>
    metric.outliers.map(
      (o) =>
        `${o.name}: ${metric.label} p95 ${formatFigure(o.value, metric.unit)}, ${o.side === 'high' ? 'above' : 'below'} the fleet's fence of ${formatFigure(o.fence, metric.unit)}`,
    ),
  );
}
