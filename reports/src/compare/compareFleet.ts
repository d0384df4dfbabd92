import type { SummaryKey } from '../data/prepareReportData.js';
import { COMPARED_METRICS, type ComparedMetric, comparedMetric } from './comparedMetrics.js';
import { type FleetMember, HEATMAP_METRICS } from './fleetMember.js';
import { type FleetOutlier, fleetOutliers } from './fleetOutliers.js';

/** Most collectors one fleet report compares. */
export const MAX_FLEET_COLLECTORS = 100;

/** One metric's ranking: the members that have it, highest p95 first. */
export interface FleetRanking extends ComparedMetric {
  readonly members: readonly FleetMember[];
}

/** Outliers of one heatmap metric's p95. */
export interface FleetMetricOutliers extends ComparedMetric {
  readonly outliers: readonly FleetOutlier[];
}

/** A fleet comparison (docs/report-comparisons.md). */
export interface FleetComparison {
  readonly kind: 'fleet';
  readonly title: string;
  readonly from: number;
  readonly to: number;
  /** In the order asked. */
  readonly members: readonly FleetMember[];
  readonly rankings: readonly FleetRanking[];
  readonly outliers: readonly FleetMetricOutliers[];
}

const p95Of = (member: FleetMember, key: SummaryKey): number => member.summaries[key]?.p95 ?? NaN;

/**
 * Ranks the members by each compared metric's p95 (ties by name, so the order is stable) and
 * names the collectors whose CPU or memory p95 lies outside the fleet's fences.
 */
export function compareFleet(members: readonly FleetMember[], window: { from: number; to: number }, title?: string): FleetComparison {
  const rankings = COMPARED_METRICS.flatMap((key) => {
    const having = members.filter((m) => (m.summaries[key]?.count ?? 0) > 0);
    if (having.length === 0) return [];
    const ranked = [...having].sort((a, b) => p95Of(b, key) - p95Of(a, key) || a.name.localeCompare(b.name));
    return [{ ...comparedMetric(key), members: ranked }];
  });
  const outliers = HEATMAP_METRICS.map((key) => ({
    ...comparedMetric(key),
    outliers: fleetOutliers(members.map((m) => ({ name: m.name, value: p95Of(m, key) }))),
  }));
  return {
    kind: 'fleet',
    title: title ?? `Fleet comparison — ${members.length} collector${members.length === 1 ? '' : 's'}`,
    ...window,
    members,
    rankings,
    outliers,
  };
}
