/** The API-key change channel: writers of `public.api_keys` (and of what makes a key usable) tell every gateway (docs/wire.md). */

/** Any replica changed keys: gateways drop what they keep of them and re-check open agent channels. */
export const API_KEY_CHANGED_CHANNEL = 'api-key-changed';

/** Which keys changed: every key of one collector, or, without `collectorId`, every key of the tenant. */
export interface ApiKeyChangedMessage {
  readonly tenantId: string;
  readonly collectorId?: string;
}

export function encodeApiKeyChanged(message: ApiKeyChangedMessage): string {
  return JSON.stringify(
    message.collectorId ? { tenantId: message.tenantId, collectorId: message.collectorId } : { tenantId: message.tenantId },
  );
}

/** The message, or undefined for text that is not one (ignored by subscribers). */
export function decodeApiKeyChanged(text: string): ApiKeyChangedMessage | undefined {
  let value: { tenantId?: unknown; collectorId?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  if (typeof value?.tenantId !== 'string') return undefined;
  if (value.collectorId === undefined) return { tenantId: value.tenantId };
  return typeof value.collectorId === 'string' ? { tenantId: value.tenantId, collectorId: value.collectorId } : undefined;
}
