import { onApiKeyChanged } from '@perfanalysis/platform';
import type { TestEnvironment } from './createTestEnvironment.js';

/**
 * Runs `action` (a key rotation, revocation, scope change…) and resolves once its change of the
 * tenant's keys was announced on `api-key-changed`. The environment's gateway subscribed before
 * this listener, so it has dropped the keys by then: no sleeping for a cache to expire.
 */
export async function afterKeyChange<T>(env: TestEnvironment, tenantId: string, action: () => Promise<T>): Promise<T> {
  let heard: () => void = () => undefined;
  const announced = new Promise<void>((resolve) => (heard = resolve));
  const stop = await onApiKeyChanged(env.runtime.pubsub, (change) => change.tenantId === tenantId && heard());
  try {
    const result = await action();
    await announced;
    return result;
  } finally {
    await stop();
  }
}
