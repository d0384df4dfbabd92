import type { MetricPoint } from '@perfanalysis/contract';
import {
  compareBeforeAfter,
  compareFleet,
  generateMetricPoints,
  prepareReportData,
  summarizeFleetMember,
  type BeforeAfterComparison,
  type FleetComparison,
} from '../../src/index.js';

const START = Date.UTC(2025, 0, 6);
const HOUR = 3_600_000;

/** Moves CPU time from idle to user: a busier machine with the same shape. */
export function busier(points: readonly MetricPoint[], extraPercent: number): MetricPoint[] {
  return points.map((p) => {
    const idle = p.values.cpu_idle ?? 0;
    const moved = Math.min(extraPercent, idle);
    return { ...p, values: { ...p.values, cpu_idle: idle - moved, cpu_user: (p.values.cpu_user ?? 0) + moved } };
  });
}

/** An hour at 1 s of one machine, then the next hour 30 % busier. */
export function beforeAfterFixture(): BeforeAfterComparison {
  const before = generateMetricPoints({ seed: 3, count: 3_600, start: START, devices: false });
  const after = busier(generateMetricPoints({ seed: 4, count: 3_600, start: START + HOUR, devices: false }), 30);
  const side = (label: string, points: MetricPoint[], from: number) => ({
    label,
    data: prepareReportData({ machineId: 'web-01', points, from, to: from + HOUR }),
  });
  return compareBeforeAfter(side('web-01 first hour', before, START), side('web-01 second hour', after, START + HOUR));
}

/** Six machines over an hour at 10 s, `vm-5` far busier than the rest. */
export function fleetFixture(): FleetComparison {
  const window = { from: START, to: START + HOUR };
  const members = Array.from({ length: 6 }, (_, i) => {
    const points = generateMetricPoints({ seed: 10 + i, count: 360, start: START, intervalMs: 10_000, devices: false });
    const name = `vm-${i}`;
    return summarizeFleetMember(name, prepareReportData({ machineId: name, points: i === 5 ? busier(points, 70) : points, ...window }));
  });
  return compareFleet(members, window);
}
