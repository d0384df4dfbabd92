import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `pa_<prefix>_<secret>`: the prefix finds the row, the 256-bit secret proves possession. */
const KEY_PATTERN = /^pa_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  /** The whole key, shown once and never stored. */
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

/**
 * SHA-256 suffices here (unlike passwords): the secret has 256 bits of entropy, so there
 * is nothing to brute-force, and verification stays cheap on the ingest hot path.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function issueApiKey(): IssuedApiKey {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  return { key: `pa_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

/** Splits a presented key; `undefined` when it is not shaped like one of ours. */
export function parseApiKey(key: string): { prefix: string; secret: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1]!, secret: match[2]! } : undefined;
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('pa_');
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function apiKeyMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
