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
import type { Logger } from '../logging/logger.js';
import { changeChannel } from './announcement.js';
import type { PubSub } from './PubSub.js';

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

/**
 * A tenant was deactivated or activated again, after the commit: its keys on `api-key-changed`
 * (gateways drop them and close its agent channels) and the tenant on `tenant-changed` (gateways
 * drop the seats and domains they memoise, metrics its settings). The tenancy API and
 * `npm run admin -- (de)activate-tenant` both announce through here (docs/wire.md).
 */
export async function announceTenantActivity(pubsub: PubSub, tenantId: string, logger: Logger): Promise<void> {
  await announceApiKeyChanged(pubsub, { tenantId }, logger);
  await announceTenantChanged(pubsub, { tenantId }, logger);
}
