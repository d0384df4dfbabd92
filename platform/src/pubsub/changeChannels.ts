import {
  API_KEY_CHANGED_CHANNEL,
  type ApiKeyChangedMessage,
  decodeApiKeyChanged,
  decodeTenantChanged,
  encodeApiKeyChanged,
  encodeTenantChanged,
  TENANT_CHANGED_CHANNEL,
  type TenantChangedMessage,
} from '@perfanalysis/contract';
import { changeChannel } from './announcement.js';

export type { ApiKeyChangedMessage, TenantChangedMessage } from '@perfanalysis/contract';

/**
 * Keys changed, announced after the commit to every gateway (docs/wire.md). A lost announcement
 * is covered by the gateways: they keep nothing while their pub/sub is down.
 */
const apiKeyChanges = changeChannel<ApiKeyChangedMessage>({
  name: API_KEY_CHANGED_CHANNEL,
  encode: encodeApiKeyChanged,
  decode: decodeApiKeyChanged,
});
export const { announce: announceApiKeyChanged, on: onApiKeyChanged } = apiKeyChanges;

/**
 * A tenant's settings (retention) changed, announced after the commit to every metrics replica
 * (docs/wire.md). A lost announcement is covered by the readers' 30 s time-to-live
 * (docs/ingest.md "Tenant settings").
 */
const tenantChanges = changeChannel<TenantChangedMessage>({
  name: TENANT_CHANGED_CHANNEL,
  encode: encodeTenantChanged,
  decode: decodeTenantChanged,
});
export const { announce: announceTenantChanged, on: onTenantChanged } = tenantChanges;
