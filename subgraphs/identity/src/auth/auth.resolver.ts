import {
  auditRequest,
  BadUserInputError,
  ForbiddenError,
  type SubgraphContext,
  TenantSummary,
  UnauthenticatedError,
} from '@perfanalysis/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { assertStrongPassword } from '../password/passwordPolicy.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../password/passwordHasher.js';
import { type IssuedSession, SessionService, sessionsOf } from '../session/sessionService.js';
import type { MembershipDirectory } from '../readApi/membershipDirectory.js';
import { chooseTenant, type TenantSeat } from '../session/tenantMembership.js';
import { UserEntity } from '../user/user.entity.js';
import { User } from '../user/user.type.js';
import { AuthPayload, LoginInput, RegisterInput, TokenInfo } from './auth.types.js';
import { LoginThrottle } from './loginThrottle.js';

function payload(session: IssuedSession, user: UserEntity, seat: TenantSeat | null): AuthPayload {
  return Object.assign(new AuthPayload(), {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    accessTokenExpiresAt: session.accessExpiresAt,
    user: User.from(user),
    tenant: seat ? Object.assign(new TenantSummary(), { id: seat.tenantId, slug: seat.slug, name: seat.name }) : null,
    role: seat?.role ?? null,
  });
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A login naming a tenant on a request already bound to another one (the Host's domain, or
 * presented credentials) is refused: the README promises the two agree (docs/security.md "Login").
 */
function assertTenantAgreesWithRequest(tenant: string | null | undefined, ctx: SubgraphContext): void {
  const bound = ctx.identity.tenant;
  if (tenant && bound && tenant.trim().toLowerCase() !== bound.slug) {
    throw new ForbiddenError("This domain belongs to another tenant: log in on that tenant's domain, or leave the tenant out.", {
      reason: 'TENANT_DOMAIN_MISMATCH',
    });
  }
}

/** Register, login, refresh, logout, password change and tenant switch. */
@Resolver()
export class AuthResolver {
  /** Tenancy's memberships, through the port the composition root fills (schema.ts). */
  constructor(private readonly memberships: MembershipDirectory) {}

  /**
   * Answers true whether or not the e-mail already has an account, and then changes nothing,
   * so it is no oracle of which e-mails are registered (docs/security.md "Account existence").
   */
  @Mutation(() => Boolean, {
    description:
      'Creates an account for an e-mail that has none, then log in. Answers true either way; an existing account is left as it is.',
  })
  async register(@Arg('input') input: RegisterInput, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    if (!displayName || /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(displayName)) {
      throw new BadUserInputError('A display name is 1–200 printable characters.', { field: 'displayName' });
    }
    assertStrongPassword(input.password, email);
    // Hashed whether or not the e-mail is taken, so both answers take as long.
    const passwordHash = await hashPassword(input.password);
    const { rows } = await ctx.runtime.db.pool.query<{ id: string }>(
      'INSERT INTO public.users (email, display_name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id',
      [email, displayName, passwordHash],
    );
    const created = rows[0]?.id ?? null;
    await auditRequest(ctx, 'REGISTER', created ? {} : { emailTaken: true }, { outcome: created ? 'SUCCESS' : 'FAILURE', actor: created });
    return true;
  }

  @Mutation(() => AuthPayload)
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    assertTenantAgreesWithRequest(input.tenant, ctx);
    const attempt = await new LoginThrottle(ctx.runtime.kv, ctx.runtime.config.auth.loginThrottle, ctx.logger).admit(
      email,
      ctx.identity.ip,
    );
    const user = await ctx.em.findOne(UserEntity, { email, active: true }, { populate: ['passwordHash'] });
    if (!user) {
      await burnPasswordCheck(input.password);
    } else if (await verifyPassword(user.passwordHash, input.password)) {
      await attempt.succeeded();
      const seat = await chooseTenant(
        this.memberships,
        ctx.runtime.db.pool,
        user.id,
        input.tenant ? { slug: input.tenant } : { id: ctx.identity.tenant?.id },
      );
      const session = await sessionsOf(ctx.runtime).issue(ctx.em, user, seat);
      await auditRequest(ctx, 'LOGIN', {}, { actor: user.id, tenantId: seat?.tenantId ?? null });
      return payload(session, user, seat);
    }
    await auditRequest(ctx, 'LOGIN', {}, { outcome: 'FAILURE', actor: email });
    throw new UnauthenticatedError('Wrong e-mail or password.');
  }

  @Mutation(() => AuthPayload, { description: 'Spends a refresh token for a new pair. Reusing a spent one closes the session.' })
  async refresh(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    let spent;
    try {
      spent = await sessionsOf(ctx.runtime).spend(ctx.em, refreshToken);
    } catch (error) {
      if (error instanceof UnauthenticatedError && error.extensions.reuse)
        await auditRequest(ctx, 'REFRESH_REUSE', {}, { outcome: 'FAILURE' });
      throw error;
    }
    const user = await ctx.em.findOne(UserEntity, { id: spent.userId, active: true });
    if (!user) throw new UnauthenticatedError('This account is disabled.');
    const seat = spent.tenantId
      ? await chooseTenant(this.memberships, ctx.runtime.db.pool, user.id, { id: spent.tenantId }).catch(() => null)
      : null;
    if (spent.tenantId && !seat) throw new UnauthenticatedError('You no longer belong to that tenant, or it is deactivated: log in again.');
    return payload(await sessionsOf(ctx.runtime).issue(ctx.em, user, seat, spent.familyId), user, seat);
  }

  @Mutation(() => Boolean, { description: 'Closes the current session: its access and refresh tokens stop working.' })
  async logout(@Ctx() ctx: SubgraphContext): Promise<boolean> {
    const user = ctx.user();
    await sessionsOf(ctx.runtime).revokeFamily(ctx.em, user.sessionId);
    await auditRequest(ctx, 'LOGOUT');
    return true;
  }

  @Mutation(() => Boolean, { description: 'Checks the old password, sets a new one and closes every other session.' })
  async changePassword(
    @Arg('oldPassword') oldPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const principal = ctx.user();
    const user = await ctx.em.findOneOrFail(UserEntity, { id: principal.userId }, { populate: ['passwordHash'] });
    if (typeof oldPassword !== 'string' || oldPassword.length > 256 || !(await verifyPassword(user.passwordHash, oldPassword))) {
      await auditRequest(ctx, 'PASSWORD_CHANGE', {}, { outcome: 'FAILURE' });
      throw new BadUserInputError('The current password is wrong.', { field: 'oldPassword' });
    }
    if (oldPassword === newPassword)
      throw new BadUserInputError('Choose a password different from the current one.', { field: 'newPassword' });
    assertStrongPassword(newPassword, user.email, 'newPassword');
    user.passwordHash = await hashPassword(newPassword);
    user.passwordChangedAt = new Date();
    await ctx.em.flush();
    const closed = await sessionsOf(ctx.runtime).revokeOtherFamilies(ctx.em, user.id, principal.sessionId);
    await auditRequest(ctx, 'PASSWORD_CHANGE', { sessionsClosed: closed });
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'A new token pair bound to another tenant you belong to (same session).' })
  async switchTenant(@Arg('tenant') tenant: string, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    const principal = ctx.user();
    const user = await ctx.em.findOneOrFail(UserEntity, { id: principal.userId });
    const seat = await chooseTenant(this.memberships, ctx.runtime.db.pool, user.id, { slug: tenant });
    return payload(await sessionsOf(ctx.runtime).issue(ctx.em, user, seat, principal.sessionId), user, seat);
  }

  @Query(() => User, { description: 'The logged-in user.' })
  async me(@Ctx() ctx: SubgraphContext): Promise<User> {
    return User.from(await ctx.em.findOneOrFail(UserEntity, { id: ctx.user().userId }));
  }

  @Query(() => TokenInfo, { description: 'Checks an access token: signature, claims, expiry and its session. Logged-in callers only.' })
  async verifyToken(@Arg('token') token: string, @Ctx() ctx: SubgraphContext): Promise<TokenInfo> {
    ctx.user();
    try {
      const sessions = sessionsOf(ctx.runtime);
      const claims = sessions.verifyAccess(token) as ReturnType<SessionService['verifyAccess']> & { exp: number };
      if (!(await sessions.sessionLive(claims.sid))) throw new UnauthenticatedError('The session was closed or never existed.');
      return Object.assign(new TokenInfo(), {
        valid: true,
        reason: null,
        userId: claims.sub,
        tenantId: claims.tid,
        role: claims.role,
        expiresAt: new Date(claims.exp * 1000),
      });
    } catch (error) {
      const reason = error instanceof UnauthenticatedError ? error.message : 'invalid';
      return Object.assign(new TokenInfo(), { valid: false, reason, userId: null, tenantId: null, role: null, expiresAt: null });
    }
  }
}
