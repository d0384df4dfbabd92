import { REPORT_PROFILE_BOUNDS, type ProfileBound } from './reportProfileBounds.js';

/** The first thing wrong with a profile: the key and why, for a BAD_USER_INPUT naming the field. */
export interface ProfileProblem {
  readonly field: string;
  readonly message: string;
}

function describe(bound: ProfileBound): string {
  const low = bound.minExclusive ? `above ${bound.min}` : `at least ${bound.min}`;
  return `${bound.integer ? 'a whole number ' : ''}${low} and at most ${bound.max.toLocaleString('en-US')} ${bound.unit}`;
}

/**
 * Checks a profile as given (a GraphQL input or a `--profile` JSON file): only known keys,
 * each a finite number in its range, or null/absent for the default. Undefined when it is fine.
 */
export function checkReportProfile(profile: unknown): ProfileProblem | undefined {
  if (typeof profile !== 'object' || profile === null || Array.isArray(profile)) {
    return { field: 'profile', message: 'A report profile is an object of capacities and thresholds.' };
  }
  for (const [field, value] of Object.entries(profile)) {
    const bound = (REPORT_PROFILE_BOUNDS as Record<string, ProfileBound>)[field];
    if (!bound)
      return { field, message: `${field} is not a report profile setting; known: ${Object.keys(REPORT_PROFILE_BOUNDS).join(', ')}.` };
    if (value === null || value === undefined) continue;
    const fits =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (bound.minExclusive ? value > bound.min : value >= bound.min) &&
      value <= bound.max &&
      (!bound.integer || Number.isInteger(value));
    if (!fits)
      return {
        field,
        message: `${field} must be ${describe(bound)}, not ${typeof value === 'number' ? String(value) : JSON.stringify(value)}.`,
      };
  }
  return undefined;
}
