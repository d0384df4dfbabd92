import { type AccessClaims, type JwtKeys, UnauthenticatedError, verifyToken } from '@perfanalysis/platform';

/** Distinct access tokens kept verified (a token per session); beyond, the lot is dropped. */
const MAX_TOKENS = 10_000;

type Verified = AccessClaims & { readonly exp: number };

/**
 * Access tokens whose signature, type and claims were verified, by their exact text, until they
 * expire: a client sends the same token with every request, and jsonwebtoken's verification was
 * a share of each request's CPU (docs/gateway-cost.md). Only what cannot change for a given text
 * is reused; expiry is checked on every use, and the session, seat and tenant checks that follow
 * run for every request as before.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(
    private readonly keys: JwtKeys,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's claims, verified (throws UNAUTHENTICATED as verifyToken does). */
  access(token: string): AccessClaims {
    const kept = this.tokens.get(token);
    if (kept) {
      // jsonwebtoken's rule and words: expired once the current second reaches `exp`.
      if (Math.floor(this.now() / 1000) < kept.exp) return kept;
      this.tokens.delete(token);
      throw new UnauthenticatedError('The token has expired: log in again or refresh.');
    }
    const claims = verifyToken<AccessClaims>(this.keys, token, 'access');
    if (this.tokens.size >= MAX_TOKENS) this.tokens.clear();
    this.tokens.set(token, claims);
    return claims;
  }
}
