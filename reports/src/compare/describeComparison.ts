import { formatDuration, formatUtc } from '../format/formatTime.js';
import type { BeforeAfterComparison, ComparisonSide } from './compareBeforeAfter.js';
import type { FleetComparison } from './compareFleet.js';

/** "Before: db-01 · 2026-12-01 00:00 → … (1 d) · 86,400 samples" */
export function describeSide(role: 'Before' | 'After', side: ComparisonSide): string {
  const { data } = side;
  return `${role}: ${side.label} · ${formatUtc(data.from)} -> ${formatUtc(data.to)} (${formatDuration(data.to - data.from)}) · ${data.time.length.toLocaleString('en-US')} samples`;
}

/** The lines under a comparison's title. */
export function describeComparison(comparison: BeforeAfterComparison | FleetComparison): string[] {
  if (comparison.kind === 'beforeAfter') return [describeSide('Before', comparison.before), describeSide('After', comparison.after)];
  const samples = comparison.members.reduce((sum, m) => sum + m.samples, 0);
  return [
    `${comparison.members.length} collectors · ${formatUtc(comparison.from)} -> ${formatUtc(comparison.to)} ` +
      `(${formatDuration(comparison.to - comparison.from)}) · ${samples.toLocaleString('en-US')} samples`,
  ];
}

/** Why a verdict is printed or not, and how the intervals were found (docs/report-comparisons.md). */
export function beforeAfterMethodNote(comparison: BeforeAfterComparison): string {
  return (
    `Intervals: percentile bootstrap, ${comparison.resamples.toLocaleString('en-US')} resamples of each side (at most 2,000 evenly ` +
    'spaced samples per side), seeded, so the same data always prints the same figures. A verdict ("higher", "lower") ' +
    'is given only where the 95 % interval excludes zero; otherwise "no clear change".'
  );
}

/** How outliers are named (docs/report-comparisons.md). */
export const FLEET_OUTLIER_RULE =
  "Outliers: a collector whose p95 lies above Q3 + 1.5 × IQR or below Q1 − 1.5 × IQR of the fleet's p95s (Tukey's fences; at least 4 collectors).";
