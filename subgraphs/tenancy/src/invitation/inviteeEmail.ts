import { BadUserInputError } from '@perfanalysis/platform';

/** The normalised e-mail an invitation is addressed to (accounts store e-mails trimmed and lower-case). */
export function inviteeEmail(email: unknown): string {
  const normalised = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (normalised.length > 320 || !/^[^\s@]+@[^\s@]+$/.test(normalised)) {
    throw new BadUserInputError('An e-mail address such as ada@example.com.', { field: 'email' });
  }
  return normalised;
}
