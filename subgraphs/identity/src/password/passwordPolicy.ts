import { BadUserInputError } from '@perfanalysis/platform';

/** Bounds the hashing work an attacker can ask for. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 12;

const COMMON = new Set(['password1234', '123456789012', 'qwertyuiop12', 'letmein12345', 'administrator', 'perfanalysis', 'welcome12345']);

/** Returns the reasons a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (typeof password !== 'string') return ['Password must be a string.'];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('Mix at least three of: lower-case, upper-case, digits, symbols.');
  if (/^(.)\1*$/.test(password)) problems.push('Do not repeat one character.');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) problems.push('Do not include your e-mail name.');
  if (COMMON.has(password.toLowerCase())) problems.push('That password is too common.');
  return problems;
}

export function assertStrongPassword(password: string, email: string, field = 'password'): void {
  const problems = passwordProblems(password, email);
  if (problems.length) throw new BadUserInputError(`Password too weak: ${problems.join(' ')}`, { field, problems });
}
