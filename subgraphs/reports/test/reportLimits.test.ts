import { checkReportRange, REPORT_LIMITS } from '../src/report/reportLimits.js';

const DAY = 86_400_000;
const field = (fn: () => void): unknown => {
  try {
    fn();
    return undefined;
  } catch (error) {
    const e = error as { extensions: { code: string; field: string } };
    return [e.extensions.code, e.extensions.field];
  }
};

describe('checkReportRange', () => {
  const from = new Date('2026-11-01T00:00:00Z');

  it('accepts a range up to the longest report', () => {
    expect(field(() => checkReportRange(from, new Date(from.getTime() + REPORT_LIMITS.maxRangeDays * DAY)))).toBeUndefined();
  });

  it('refuses a range one millisecond longer, naming `to`', () => {
    const to = new Date(from.getTime() + REPORT_LIMITS.maxRangeDays * DAY + 1);
    expect(field(() => checkReportRange(from, to))).toEqual(['BAD_USER_INPUT', 'to']);
  });

  it('refuses an empty or reversed range, naming `from`', () => {
    expect(field(() => checkReportRange(from, from))).toEqual(['BAD_USER_INPUT', 'from']);
    expect(field(() => checkReportRange(from, new Date(from.getTime() - 1)))).toEqual(['BAD_USER_INPUT', 'from']);
  });

  it('refuses invalid dates', () => {
    expect(field(() => checkReportRange(new Date(NaN), from))).toEqual(['BAD_USER_INPUT', 'from']);
    expect(field(() => checkReportRange(from, new Date(NaN)))).toEqual(['BAD_USER_INPUT', 'to']);
  });
});
