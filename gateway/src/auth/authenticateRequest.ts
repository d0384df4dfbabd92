import {
  apiKeyMatches,
  ForbiddenError,
  type JwtKeys,
  looksLikeApiKey,
  parseApiKey,
  type RequestIdentity,
  type SessionCache,
  UnauthenticatedError,
} from '@perfanalysis/platform';
import { keyUsable } from './apiKeyCache.js';
import type { CredentialStore } from './credentialStore.js';
import { VerifiedTokens } from './verifiedTokens.js';

/** What the gateway reads off a request (HTTP headers or graphql-ws connectionParams). */
export interface PresentedCredentials {
  readonly authorization: string | undefined;
  readonly host: string | undefined;
  readonly ip: string;
}

export interface Authenticator {
  authenticate(credentials: PresentedCredentials): Promise<RequestIdentity>;
}

function bearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token or API key>".');
  return match[1];
}

function hostName(host: string | undefined): string | undefined {
  return host?.trim().toLowerCase().replace(/:\d+$/, '') || undefined;
}

/**
 * The one place a request's identity and tenant are established: a user's access token or
 * a collector's API key, and the Host header's domain. When both name a tenant they must
 * agree. Everything downstream trusts only what this returns (signed by the gateway).
 */
export function createAuthenticator(store: CredentialStore, keys: JwtKeys, sessions: SessionCache): Authenticator {
  const tokens = new VerifiedTokens(keys);
  async function fromApiKey(token: string, ip: string): Promise<RequestIdentity> {
    const parsed = parseApiKey(token);
    const record = parsed ? await store.apiKey(parsed.prefix) : null;
    if (!parsed || !record || !apiKeyMatches(parsed.secret, record.keyHash) || !keyUsable(record)) {
      throw new UnauthenticatedError('The API key is unknown, revoked, expired, or its collector or tenant is deactivated.');
    }
    const principal = { kind: 'collector' as const, collectorId: record.collectorId, keyId: record.keyId, scopes: record.scopes };
    return { principal, tenant: record.tenant, ip };
  }

  async function fromAccessToken(token: string, ip: string): Promise<RequestIdentity> {
    const claims = tokens.access(token);
    if (!(await sessions.isLive(claims.sid))) throw new UnauthenticatedError('This session was closed or never existed: log in again.');
    const seat = await store.seat(claims.sub, claims.tid);
    if (!seat.userActive) throw new UnauthenticatedError('This account is disabled.');
    if (claims.tid && (!seat.tenant || !seat.role)) {
      throw new UnauthenticatedError('Your membership of this tenant ended or the tenant is deactivated: log in again.');
    }
    // The tenant is bound from `tid` alone; a token whose slug names another tenant is refused (docs/security.md "Tenant binding").
    if ((claims.tsl ?? null) !== (seat.tenant?.slug ?? null)) throw new UnauthenticatedError("The token's tenant claims disagree.");
    // The role is read fresh, so a role change applies within a second, not at token expiry.
    const principal = { kind: 'user' as const, userId: claims.sub, email: claims.email, sessionId: claims.sid, role: seat.role };
    return { principal, tenant: seat.tenant, ip };
  }

  return {
    async authenticate({ authorization, host, ip }) {
      const token = bearer(authorization);
      const name = hostName(host);
      const hostTenant = name ? await store.domain(name) : null;
      if (!token) return { principal: null, tenant: hostTenant, ip };
      const identity = looksLikeApiKey(token) ? await fromApiKey(token, ip) : await fromAccessToken(token, ip);
      if (hostTenant && identity.tenant && hostTenant.id !== identity.tenant.id) {
        throw new ForbiddenError('These credentials belong to another tenant than this domain.');
      }
      return identity.tenant ? identity : { ...identity, tenant: hostTenant };
    },
  };
}
