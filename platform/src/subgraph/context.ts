import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import {
  ANONYMOUS,
  type CollectorIdentity,
  IDENTITY_HEADER,
  type RequestIdentity,
  type TenantBinding,
  type UserIdentity,
} from '../auth/index.js';
import { verifyIdentity } from '../auth/internalIdentity.js';
import { tenantSchemaName } from '../db/identifiers.js';
import { bindTenant, type TenantDb } from '../db/tenantDb.js';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { Logger } from '../logging/logger.js';
import type { Runtime } from '../runtime.js';

/** What every resolver receives. Tenant data is reachable only through `tenantDb()` and `tenantEm()`. */
export interface SubgraphContext {
  readonly identity: RequestIdentity;
  readonly runtime: Runtime;
  readonly logger: Logger;
  /** A per-request EntityManager on the public schema. */
  readonly em: EntityManager;
  /** The request's tenant; UNAUTHENTICATED when the request is bound to none. */
  tenant(): TenantBinding;
  /** A per-request EntityManager forked onto the caller's tenant schema. */
  tenantEm(): EntityManager;
  /** The caller's tenant's tables, bound once from the verified identity (docs/tenant-db.md). */
  tenantDb(): TenantDb;
  user(): UserIdentity;
  collector(): CollectorIdentity;
}

function remoteAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Reads the gateway-signed identity from the request. A forged or stale header is refused
 * (thrown); a request without one is anonymous.
 */
export function readIdentity(req: Pick<Request, 'headers' | 'socket'>, secret: string): RequestIdentity {
  const header = req.headers[IDENTITY_HEADER];
  if (header === undefined) return ANONYMOUS(remoteAddress(req as Request));
  return verifyIdentity(Array.isArray(header) ? header.join(',') : header, secret);
}

/** The one place an EntityManager is bound to a tenant schema. */
export function createContext(runtime: Runtime, identity: RequestIdentity, logger: Logger): SubgraphContext {
  // Forked on first use: most trickles never touch an entity, and a fork per request showed in the profile.
  let em: EntityManager | undefined;
  let tenantEm: EntityManager | undefined;
  let tenantDb: TenantDb | undefined;
  const tenant = (): TenantBinding => {
    if (!identity.tenant) throw new UnauthenticatedError('This request is bound to no tenant: log in or use an API key.');
    return identity.tenant;
  };
  return {
    identity,
    runtime,
    logger,
    get em() {
      em ??= runtime.db.orm.em.fork() as EntityManager;
      return em;
    },
    tenant,
    tenantDb() {
      tenantDb ??= bindTenant(runtime.db.pool, tenant().slug);
      return tenantDb;
    },
    tenantEm() {
      tenantEm ??= runtime.db.orm.em.fork({ schema: tenantSchemaName(tenant().slug) }) as EntityManager;
      return tenantEm;
    },
    user() {
      if (identity.principal?.kind !== 'user') throw new UnauthenticatedError('Log in first: this needs a user access token.');
      return identity.principal;
    },
    collector() {
      if (identity.principal?.kind !== 'collector') throw new UnauthenticatedError('This needs a collector API key.');
      return identity.principal;
    },
  };
}
