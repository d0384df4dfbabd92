import { createHash } from 'node:crypto';
import { hashSecret, type IssuedApiKey } from './apiKey.js';

/** pcd accepted any key of at least this many characters. */
export const IMPORTED_KEY_MIN_LENGTH = 8;
export const IMPORTED_KEY_MAX_LENGTH = 512;

function digest(purpose: string, legacyKey: string): Buffer {
  return createHash('sha256').update(`pcd-${purpose}:`).update(legacyKey).digest();
}

export function isImportableKey(legacyKey: string): boolean {
  return legacyKey.length >= IMPORTED_KEY_MIN_LENGTH && legacyKey.length <= IMPORTED_KEY_MAX_LENGTH && !/[\s\0]/.test(legacyKey);
}

/**
 * An existing pcd key in the shape of ours, derived from it alone: the prefix finds the row, the
 * secret is checked against the stored hash like every key. The gateway maps a presented pcd
 * key through this, so a pcc keeps its key unchanged (docs/pcc-compatibility.md). Only as strong
 * as the old key: rotating gives the collector a native one.
 */
export function importedApiKey(legacyKey: string): IssuedApiKey {
  const prefix = digest('prefix', legacyKey).toString('hex').slice(0, 10);
  const secret = digest('secret', legacyKey).toString('base64url');
  return { key: `pa_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}
