/** Roles within one tenant, strongest first. */
export const ROLES = ['ADMIN', 'ANALYST', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** The tenant a request is bound to (from its credentials and/or its Host domain). */
export interface TenantBinding {
  readonly id: string;
  readonly slug: string;
}

/** A person, authenticated by an access token. */
export interface UserIdentity {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  /** The token's session (refresh-token family); logout revokes it. */
  readonly sessionId: string;
  readonly role: Role | null;
}

/** What an API key may do besides sending its own collector's data: READ reads the tenant like a VIEWER. */
export const API_KEY_SCOPES = ['READ'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** An agent, authenticated by a collector's API key. */
export interface CollectorIdentity {
  readonly kind: 'collector';
  readonly collectorId: string;
  readonly keyId: string;
  /** Granted by an ADMIN (`setApiKeyScopes`); none: the key writes its own collector's data only. */
  readonly scopes: readonly ApiKeyScope[];
}

/** What the gateway established about a request and forwards to subgraphs, signed. */
export interface RequestIdentity {
  readonly principal: UserIdentity | CollectorIdentity | null;
  readonly tenant: TenantBinding | null;
  readonly ip: string;
}

/** True when `role` is at least `required` (ADMIN ⊇ ANALYST ⊇ VIEWER). */
export function roleAtLeast(role: Role | null, required: Role): boolean {
  return role !== null && ROLES.indexOf(role) <= ROLES.indexOf(required);
}

export const ANONYMOUS = (ip: string): RequestIdentity => ({ principal: null, tenant: null, ip });
