import { BadUserInputError } from '@perfanalysis/platform';
import { MAX_FLEET_COLLECTORS } from '@perfanalysis/reports';
import { checkReportRange, REPORT_LIMITS } from '../report/reportLimits.js';

const DAY_MS = 86_400_000;
import { ComparisonKind, type CompareReportInput } from './comparison.type.js';

/** A checked comparison request: which collector is read over which window, in order. */
export interface ComparisonReads {
  readonly kind: ComparisonKind;
  readonly reads: readonly { readonly collectorId: string; readonly from: Date; readonly to: Date }[];
}

/**
 * The collectors and windows of `input`, or BAD_USER_INPUT saying what to change: a
 * before/after is one collector over two windows or two collectors over one or two windows;
 * a fleet is 1 to {@link MAX_FLEET_COLLECTORS} distinct collectors over one window. Every
 * window is a valid report range (docs/report-comparisons.md).
 */
export function checkComparisonInput(input: CompareReportInput): ComparisonReads {
  const { collectorIds: ids, windows } = input;
  if (windows.length === 0) throw new BadUserInputError('Give at least one window.', { field: 'windows' });
  windows.forEach((w) => checkReportRange(w.from, w.to));
  if (ids.length === 0) throw new BadUserInputError('Give at least one collector.', { field: 'collectorIds' });
  if (input.kind === ComparisonKind.FLEET) {
    if (ids.length > MAX_FLEET_COLLECTORS) {
      throw new BadUserInputError(`A fleet comparison covers at most ${MAX_FLEET_COLLECTORS} collectors.`, {
        field: 'collectorIds',
        max: MAX_FLEET_COLLECTORS,
      });
    }
    if (new Set(ids).size !== ids.length) throw new BadUserInputError('A collector is listed twice.', { field: 'collectorIds' });
    if (windows.length !== 1) throw new BadUserInputError('A fleet comparison reads one window.', { field: 'windows' });
    const { from, to } = windows[0]!;
    if (to.getTime() - from.getTime() > REPORT_LIMITS.maxFleetRangeDays * DAY_MS) {
      throw new BadUserInputError(`A fleet comparison covers at most ${REPORT_LIMITS.maxFleetRangeDays} days: ask for a shorter window.`, {
        field: 'windows',
        maxDays: REPORT_LIMITS.maxFleetRangeDays,
      });
    }
    return { kind: input.kind, reads: ids.map((collectorId) => ({ collectorId, ...windows[0]! })) };
  }
  const [first, second] = windows as [ReportWindowLike, ReportWindowLike?];
  if (ids.length === 1 && second) return { kind: input.kind, reads: [read(ids[0]!, first), read(ids[0]!, second)] };
  if (ids.length === 2 && windows.length <= 2) return { kind: input.kind, reads: [read(ids[0]!, first), read(ids[1]!, second ?? first)] };
  throw new BadUserInputError('A before/after compares one collector over two windows, or two collectors over one or two windows.', {
    field: 'collectorIds',
  });
}

type ReportWindowLike = { readonly from: Date; readonly to: Date };

function read(collectorId: string, window: ReportWindowLike) {
  return { collectorId, from: window.from, to: window.to };
}
