import { BadUserInputError } from '@perfanalysis/platform';
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';

/** The windows a scheduled report covers, relative to the run's instant in the schedule's zone. */
export const SCHEDULE_WINDOWS = ['PREVIOUS_HOUR', 'PREVIOUS_DAY', 'PREVIOUS_WEEK'] as const;
export type ScheduleWindowName = (typeof SCHEDULE_WINDOWS)[number];

const WINDOW_UNIT = { PREVIOUS_HOUR: 'hour', PREVIOUS_DAY: 'day', PREVIOUS_WEEK: 'week' } as const;

/** A time zone the runner can compute in: an IANA name (`Europe/Berlin`, `UTC`), else BAD_USER_INPUT. */
export function checkTimeZone(timeZone: string): string {
  if (timeZone.length > 64 || !IANAZone.isValidZone(timeZone)) {
    throw new BadUserInputError('timeZone is not an IANA time zone name such as Europe/Berlin or UTC.', { field: 'timeZone' });
  }
  return timeZone;
}

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week); the
 * six-field form with seconds is refused so a schedule runs at most once a minute
 * (docs/report-schedules.md). BAD_USER_INPUT names what is wrong.
 */
export function checkCron(cron: string): string {
  const text = cron.trim().replace(/\s+/g, ' ');
  const invalid = (why: string) => new BadUserInputError(`cron is not a valid expression: ${why}.`, { field: 'cron' });
  if (text.length > 200) throw invalid('longer than 200 characters');
  if (text.split(' ').length !== 5) throw invalid('expected five fields: minute hour day-of-month month day-of-week');
  try {
    CronExpressionParser.parse(text, { tz: 'UTC', strict: false });
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  return text;
}

/** The first instant the cron matches strictly after `after`, in the zone. */
export function nextRunAfter(cron: string, timeZone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after }).next().toDate();
}

/**
 * The window of a run at `at`: the whole hour, day or (ISO, Monday-first) week before the
 * one `at` lies in, as the schedule's zone counts them — a day is 23 or 25 hours across a
 * daylight-saving change.
 */
export function windowOf(window: ScheduleWindowName, timeZone: string, at: Date): { from: Date; to: Date } {
  const unit = WINDOW_UNIT[window];
  const end = DateTime.fromJSDate(at, { zone: timeZone }).startOf(unit);
  return { from: end.minus({ [`${unit}s`]: 1 }).toJSDate(), to: end.toJSDate() };
}
