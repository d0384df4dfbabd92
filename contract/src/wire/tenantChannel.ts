/** The tenant change channel: writers of a tenant's settings tell every metrics replica (docs/wire.md). */

/** A tenant's settings (retention) changed: caches of them drop the tenant's entry. */
export const TENANT_CHANGED_CHANNEL = 'tenant-changed';

export interface TenantChangedMessage {
  readonly tenantId: string;
}

export function encodeTenantChanged(message: TenantChangedMessage): string {
  return JSON.stringify({ tenantId: message.tenantId });
}

/** The message, or undefined for text that is not one (ignored by subscribers). */
export function decodeTenantChanged(text: string): TenantChangedMessage | undefined {
  let value: { tenantId?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  return typeof value?.tenantId === 'string' ? { tenantId: value.tenantId } : undefined;
}
