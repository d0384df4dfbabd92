import { BadUserInputError, conflictOnDuplicate, importedApiKey, IMPORTED_KEY_MIN_LENGTH, isImportableKey } from '@perfanalysis/platform';
import type { Statement } from './apiKeyStore.js';

/**
 * Registers an existing pcd key for a collector: stored as a hash under its derived prefix like
 * every key, so it is listed, rotated and revoked with the collector's others. Answers the
 * prefix (docs/pcc-compatibility.md).
 */
export async function importApiKey(run: Statement, tenantId: string, collectorId: string, legacyKey: string): Promise<string> {
  if (!isImportableKey(legacyKey))
    throw new BadUserInputError(`A pcd key has at least ${IMPORTED_KEY_MIN_LENGTH} characters and no spaces.`, { field: 'key' });
  const key = importedApiKey(legacyKey);
  await conflictOnDuplicate(
    () =>
      run('INSERT INTO public.api_keys (prefix, key_hash, tenant_id, collector_id) VALUES ($1, $2, $3, $4)', [
        key.prefix,
        key.hash,
        tenantId,
        collectorId,
      ]),
    { message: 'This key is already imported.', field: 'key' },
  );
  return key.prefix;
}
