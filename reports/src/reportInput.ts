import type { MetricPoint } from '@perfanalysis/contract';
import type { Capacities } from './data/capacities.js';
import type { RecommendationThresholds } from './recommendations/thresholds.js';

/** An instant: epoch milliseconds, an ISO-8601 string, or a Date. */
export type TimeInput = number | string | Date;

/** The sections of the HTML report, in the order they are printed. */
export const REPORT_SECTIONS = [
  'summary',
  'cpu',
  'memory',
  'disk',
  'network',
  'percentiles',
  'radar',
  'recommendations',
  'alerts',
] as const;

export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** An alert of the report's window, as the alerting service (issue 10) hands it over. */
export interface ReportAlert {
  /** Rule name, e.g. "CPU above 90 % for 1 minute". */
  readonly name: string;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly startedAt: TimeInput;
  /** Absent while the alert is still firing. */
  readonly endedAt?: TimeInput;
  /** The observed value that crossed the condition. */
  readonly value: number;
  /** Human summary with the value filled in. */
  readonly summary: string;
}

/**
 * Everything a report is made from. Pure data: no server, no clock. The renderer never
 * calls `Date.now()`, so the same input always gives the same bytes.
 */
export interface ReportInput {
  /** @default `Performance report — <hostname or machineId>` */
  readonly title?: string;
  readonly machineId: string;
  readonly hostname?: string;
  /**
   * Start of the window (inclusive). Points before it are left out.
   * @default the first point's timestamp
   */
  readonly from?: TimeInput;
  /**
   * End of the window (inclusive). Points after it are left out.
   * @default the last point's timestamp
   */
  readonly to?: TimeInput;
  /** Samples of this one machine; any order (sorted on preparation). */
  readonly points: readonly MetricPoint[];
  /** Alerts to list in the `alerts` section; the section says "no alerts" when empty. */
  readonly alerts?: readonly ReportAlert[];
  /** What the radar and the per-core rules compare against; see {@link Capacities}. */
  readonly capacities?: Partial<Capacities>;
  /** Overrides of the recommendation thresholds; see {@link RecommendationThresholds}. */
  readonly thresholds?: Partial<RecommendationThresholds>;
  /**
   * Sections of the HTML report, printed in canonical order whatever the order here.
   * @default every section of {@link REPORT_SECTIONS}
   */
  readonly sections?: readonly ReportSection[];
  /** Printed in the footer when given (the renderer has no clock of its own). */
  readonly generatedAt?: TimeInput;
}

/** Converts a {@link TimeInput} to epoch milliseconds; NaN when it does not parse. */
export function toEpochMs(time: TimeInput): number {
  if (typeof time === 'number') return time;
  if (time instanceof Date) return time.getTime();
  return Date.parse(time);
}
