import { BadUserInputError } from '@perfanalysis/platform';

const DAY_MS = 86_400_000;

/** Limits of `Query.report`, so one request cannot ask for unbounded work. */
export const REPORT_LIMITS = {
  /** Longest range of one report: a month at one second is ~2.7 M points. */
  maxRangeDays: 31,
  /**
   * Longest window of a fleet comparison: a week (the weekly fleet review), so 100 collectors
   * at one second read at most ~60 M rows (docs/report-comparisons.md).
   */
  maxFleetRangeDays: 7,
  /** Rows read per keyset page of `metric_points`. */
  pageSize: 5_000,
  /**
   * Devices kept per kind (first seen, natural order of appearance): each device costs a few
   * typed arrays as long as the report, so a 128-core machine cannot blow the heap.
   */
  maxDevices: { cpu: 32, disk: 16, net: 16 },
  /** Reports read and rendered at once per process; more are RATE_LIMITED (each holds its arrays). */
  maxInFlight: 2,
  /** Render worker threads per process (rendering is CPU-bound and runs off the event loop). */
  renderWorkers: 2,
  /** Renders waiting for a worker; past this a render is RATE_LIMITED. */
  renderQueue: 4,
  /** How long a rendered document stays downloadable. */
  downloadTtlMs: 10 * 60_000,
} as const;

/** A half-open range [from, to) of valid dates, from before to, at most {@link REPORT_LIMITS.maxRangeDays} long. */
export function checkReportRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime())) throw new BadUserInputError('`from` is not a valid date.', { field: 'from' });
  if (Number.isNaN(to.getTime())) throw new BadUserInputError('`to` is not a valid date.', { field: 'to' });
  if (from.getTime() >= to.getTime()) throw new BadUserInputError('`from` must be before `to`.', { field: 'from' });
  if (to.getTime() - from.getTime() > REPORT_LIMITS.maxRangeDays * DAY_MS) {
    throw new BadUserInputError(`A report covers at most ${REPORT_LIMITS.maxRangeDays} days: ask for a shorter range.`, {
      field: 'to',
      maxDays: REPORT_LIMITS.maxRangeDays,
    });
  }
}
