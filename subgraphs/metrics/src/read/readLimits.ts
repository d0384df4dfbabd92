import { BadUserInputError } from '@perfanalysis/platform';

const DAY_MS = 86_400_000;

/** Limits of the read API, so one request cannot ask the database for unbounded work. */
export const READ_LIMITS = {
  /** Longest range of `series`, `summary` and the export. */
  maxRangeDays: 400,
  /** Longest range of `deviceSeries`, which has no rollups and reads raw per-device rows. */
  maxDeviceRangeDays: 7,
  minBuckets: 1,
  maxBuckets: 5_000,
} as const;

/** A half-open range [from, to) of valid dates, from before to, at most `maxDays` long. */
export function checkRange(from: Date, to: Date, maxDays: number = READ_LIMITS.maxRangeDays, names = { from: 'from', to: 'to' }): void {
  if (Number.isNaN(from.getTime())) throw new BadUserInputError(`\`${names.from}\` is not a valid date.`, { field: names.from });
  if (Number.isNaN(to.getTime())) throw new BadUserInputError(`\`${names.to}\` is not a valid date.`, { field: names.to });
  if (from.getTime() >= to.getTime()) {
    throw new BadUserInputError(`\`${names.from}\` must be before \`${names.to}\`.`, { field: names.from });
  }
  if (to.getTime() - from.getTime() > maxDays * DAY_MS) {
    throw new BadUserInputError(`The range is longer than ${maxDays} days: ask for a shorter one.`, { field: names.to, maxDays });
  }
}

/** A bucket count between 1 and 5,000. */
export function checkBuckets(buckets: number): void {
  if (!Number.isInteger(buckets) || buckets < READ_LIMITS.minBuckets || buckets > READ_LIMITS.maxBuckets) {
    throw new BadUserInputError(`\`buckets\` must be between ${READ_LIMITS.minBuckets} and ${READ_LIMITS.maxBuckets}.`, {
      field: 'buckets',
    });
  }
}
