/** Keys whose values never leave the process in an error report. */
const SENSITIVE_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|session|x-pa-identity|credential/i;
/** Values that look like credentials wherever they appear. */
const SENSITIVE_VALUE = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/g,
  /\bpa_[A-Za-z0-9]{6,}_[A-Za-z0-9_-]{20,}\b/g,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
];

export const REDACTED = '[redacted]';

function scrubString(value: string): string {
  return SENSITIVE_VALUE.reduce((text, pattern) => text.replace(pattern, REDACTED), value);
}

/**
 * Deep-copies `value` with credentials removed: sensitive keys (Authorization, cookies,
 * passwords, tokens, API keys) are replaced, and token-shaped strings are masked anywhere.
 */
export function scrubPii<T>(value: T, depth = 0): T {
  if (depth > 12) return REDACTED as T;
  if (typeof value === 'string') return scrubString(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubPii(item, depth + 1)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, SENSITIVE_KEY.test(key) ? REDACTED : scrubPii(item, depth + 1)]),
    ) as T;
  }
  return value;
}
