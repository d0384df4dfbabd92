import { API_KEY_CHANGED_CHANNEL, type ApiKeyChangedMessage, decodeApiKeyChanged, encodeApiKeyChanged } from '@perfanalysis/contract';
export type { ApiKeyChangedMessage } from '@perfanalysis/contract';
import type { Logger } from '../logging/logger.js';
import type { PubSub, Unsubscribe } from './PubSub.js';

/**
 * Tells every gateway that keys changed, after the change is committed (docs/wire.md). A lost
 * announcement is covered by the gateways: they keep nothing while their pub/sub is down.
 */
export async function announceApiKeyChanged(pubsub: PubSub, change: ApiKeyChangedMessage, logger: Logger): Promise<void> {
  await pubsub
    .publish(API_KEY_CHANGED_CHANNEL, encodeApiKeyChanged(change))
    .catch((error: unknown) => logger.warn({ err: error, tenantId: change.tenantId }, 'API-key change not announced'));
}

/** Calls `handler` for every well-formed announcement; others are ignored. */
export function onApiKeyChanged(pubsub: PubSub, handler: (change: ApiKeyChangedMessage) => void): Promise<Unsubscribe> {
  return pubsub.subscribe(API_KEY_CHANGED_CHANNEL, (text) => {
    const change = decodeApiKeyChanged(text);
    if (change) handler(change);
  });
}
