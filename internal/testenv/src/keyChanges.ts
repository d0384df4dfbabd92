import { onApiKeyChanged, onTenantChanged, type PubSub, type Unsubscribe } from '@perfanalysis/platform';
import { setRetention } from '@perfanalysis/launcher';
import type { TestEnvironment } from './createTestEnvironment.js';

type Follow = (pubsub: PubSub, handler: (change: { tenantId: string }) => void) => Promise<Unsubscribe>;

/** Runs `action` and resolves once `follow`'s channel announced a change of the tenant. */
async function afterAnnounced<T>(env: TestEnvironment, follow: Follow, tenantId: string, action: () => Promise<T>): Promise<T> {
  let heard: () => void = () => undefined;
  const announced = new Promise<void>((resolve) => (heard = resolve));
  const stop = await follow(env.runtime.pubsub, (change) => change.tenantId === tenantId && heard());
  try {
    const result = await action();
    await announced;
    return result;
  } finally {
    await stop();
  }
}

/**
 * Runs `action` (a key rotation, revocation, scope change…) and resolves once its change of the
 * tenant's keys was announced on `api-key-changed`. The environment's gateway subscribed before
 * this listener, so it has dropped the keys by then: no sleeping for a cache to expire.
 */
export function afterKeyChange<T>(env: TestEnvironment, tenantId: string, action: () => Promise<T>): Promise<T> {
  return afterAnnounced(env, onApiKeyChanged, tenantId, action);
}

/**
 * Runs `action` (a retention change through the tenancy API or `npm run admin`) and resolves once
 * it was announced on `tenant-changed`: the environment's metrics subscribed before this listener,
 * so it has dropped the tenant's cached settings by then.
 */
export function afterTenantChange<T>(env: TestEnvironment, tenantId: string, action: () => Promise<T>): Promise<T> {
  return afterAnnounced(env, onTenantChanged, tenantId, action);
}

/**
 * Sets a tenant's retention as the operator does (`npm run admin -- set-retention`; tenants may
 * not set it) and resolves once the environment's metrics heard it on `tenant-changed`.
 */
export async function setRetentionDays(env: TestEnvironment, tenant: { id: string; slug: string }, days: number): Promise<void> {
  await afterTenantChange(env, tenant.id, async () => {
    if (!(await setRetention(env.runtime, tenant.slug, days))) throw new Error(`no tenant ${tenant.slug}`);
  });
}
