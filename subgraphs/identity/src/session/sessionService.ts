import {
  type AccessClaims,
  announceSessionClosed,
  type JwtKeys,
  loadJwtKeys,
  type RefreshClaims,
  revocationKeys,
  type Runtime,
  SessionCache,
  signToken,
  UnauthenticatedError,
  verifyToken,
} from '@perfanalysis/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { sessionIsLive } from '../readApi/index.js';
import type { UserEntity } from '../user/user.entity.js';
import { RefreshTokenEntity } from './refreshToken.entity.js';
import type { TenantSeat } from './tenantMembership.js';

export interface IssuedSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  readonly sessionId: string;
}

/** Issues, rotates and revokes sessions (refresh-token families) and their access tokens. */
export class SessionService {
  private readonly keys: JwtKeys;
  private readonly sessions: SessionCache;

  constructor(private readonly runtime: Runtime) {
    this.keys = loadJwtKeys(runtime.config, runtime.secrets);
    this.sessions = new SessionCache((id) => sessionIsLive(runtime.db.pool, id), runtime.kv, runtime.pubsub);
  }

  private get ttl() {
    return this.runtime.config.auth;
  }

  /** A new access + refresh pair; a new family unless continuing one (refresh, tenant switch). */
  async issue(em: EntityManager, user: UserEntity, seat: TenantSeat | null, familyId: string = randomUUID()): Promise<IssuedSession> {
    const claims: AccessClaims = {
      sub: user.id,
      email: user.email,
      sid: familyId,
      tid: seat?.tenantId ?? null,
      tsl: seat?.slug ?? null,
      role: seat?.role ?? null,
    };
    const refresh = em.create(RefreshTokenEntity, {
      id: randomUUID(),
      familyId,
      userId: user.id,
      tenantId: seat?.tenantId ?? null,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + this.ttl.refreshTokenTtlMs),
    });
    await em.flush();
    const refreshClaims: RefreshClaims = { sub: user.id, jti: refresh.id, fam: familyId, tid: claims.tid };
    return {
      accessToken: signToken(this.keys, 'access', claims, this.ttl.accessTokenTtlMs),
      refreshToken: signToken(this.keys, 'refresh', refreshClaims, this.ttl.refreshTokenTtlMs),
      accessExpiresAt: new Date(Date.now() + this.ttl.accessTokenTtlMs),
      sessionId: familyId,
    };
  }

  verifyAccess(token: string): AccessClaims {
    return verifyToken<AccessClaims>(this.keys, token, 'access');
  }

  /**
   * Spends a refresh token. Presenting one already spent means a copy is in other hands:
   * the whole family is revoked and the caller must log in again.
   */
  async spend(em: EntityManager, token: string): Promise<RefreshTokenEntity> {
    const claims = verifyToken<RefreshClaims>(this.keys, token, 'refresh');
    // Atomic: of two concurrent refreshes with the same token, exactly one wins.
    const spent = await em.nativeUpdate(RefreshTokenEntity, { id: claims.jti, spentAt: null, revokedAt: null }, { spentAt: new Date() });
    const row = await em.findOne(RefreshTokenEntity, { id: claims.jti }, { disableIdentityMap: true });
    if (!row || row.familyId !== claims.fam) throw new UnauthenticatedError('Unknown refresh token: log in again.');
    if (spent === 0) {
      if (!row.revokedAt) await this.revokeFamily(em, row.familyId);
      throw new UnauthenticatedError('This refresh token was already used or revoked; the session is closed. Log in again.', {
        reuse: !row.revokedAt,
      });
    }
    if (row.expiresAt.getTime() < Date.now()) throw new UnauthenticatedError('The refresh token has expired: log in again.');
    return row;
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.nativeUpdate(RefreshTokenEntity, { familyId, revokedAt: null }, { revokedAt: new Date() });
    await this.runtime.kv.set(revocationKeys.session(familyId), '1', this.ttl.refreshTokenTtlMs);
    await announceSessionClosed(this.runtime.pubsub, familyId);
  }

  /** True when the token's session exists and is open (cached, docs/security.md "Sessions"). */
  sessionLive(sessionId: string): Promise<boolean> {
    return this.sessions.isLive(sessionId);
  }

  /** Closes every session of the user except `keepFamilyId` (after a password change). */
  async revokeOtherFamilies(em: EntityManager, userId: string, keepFamilyId: string): Promise<number> {
    const live = await em.find(RefreshTokenEntity, { userId, revokedAt: null, familyId: { $ne: keepFamilyId } }, { fields: ['familyId'] });
    const families = [...new Set(live.map((r) => r.familyId))];
    for (const familyId of families) await this.revokeFamily(em, familyId);
    return families.length;
  }
}

const services = new WeakMap<Runtime, SessionService>();

/** One SessionService per runtime (it holds the parsed signing keys). */
export function sessionsOf(runtime: Runtime): SessionService {
  let service = services.get(runtime);
  if (!service) services.set(runtime, (service = new SessionService(runtime)));
  return service;
}
