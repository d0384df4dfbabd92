import jwt from 'jsonwebtoken';
import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/env.js';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { Secrets } from '../secrets/resolveSecrets.js';
import type { Role } from './identity.js';

/** The signing key and every key still accepted (the current one plus rotation overlap). */
export interface JwtKeys {
  readonly currentKid: string;
  readonly keys: ReadonlyMap<string, string>;
}

export function loadJwtKeys(config: Config, secrets: Secrets): JwtKeys {
  const keys = new Map<string, string>([[config.auth.jwtKeyId, secrets.jwtSigningKey]]);
  for (const entry of (config.auth.jwtPreviousKeys ?? '').split(',').filter(Boolean)) {
    const separator = entry.indexOf(':');
    if (separator < 1) throw new ConfigError('JWT_PREVIOUS_KEYS', 'expected kid:key pairs separated by commas');
    keys.set(entry.slice(0, separator).trim(), entry.slice(separator + 1).trim());
  }
  return { currentKid: config.auth.jwtKeyId, keys };
}

/** Claims of an access token: who, which session, which tenant. */
export interface AccessClaims {
  readonly sub: string;
  readonly email: string;
  /** Session id = the refresh-token family; logout revokes it. */
  readonly sid: string;
  readonly tid: string | null;
  readonly tsl: string | null;
  readonly role: Role | null;
}

/** Claims of a refresh token: one link of a rotating family. */
export interface RefreshClaims {
  readonly sub: string;
  readonly jti: string;
  readonly fam: string;
  readonly tid: string | null;
}

type TokenType = 'access' | 'refresh';

export function signToken(keys: JwtKeys, type: TokenType, claims: object, ttlMs: number): string {
  return jwt.sign({ jti: randomUUID(), ...claims, typ: type }, keys.keys.get(keys.currentKid)!, {
    algorithm: 'HS256',
    keyid: keys.currentKid,
    expiresIn: Math.floor(ttlMs / 1000),
  });
}

/**
 * Each key as a KeyObject, made once: given a string, jsonwebtoken first tries it as a public
 * key and builds (then discards) an error per verification, a large share of a request's CPU.
 */
const secretKeys = new Map<string, KeyObject>();
function secretKeyOf(key: string): KeyObject {
  let secret = secretKeys.get(key);
  if (!secret) secretKeys.set(key, (secret = createSecretKey(Buffer.from(key))));
  return secret;
}

/**
 * Verifies signature (HS256 only: `alg: none` and others are refused), key id, expiry,
 * not-before and token type. Every failure is UNAUTHENTICATED with a reason but no detail
 * an attacker could use.
 */
export function verifyToken<T>(keys: JwtKeys, token: string, type: TokenType): T & { exp: number; iat: number } {
  const decoded = jwt.decode(token, { complete: true });
  const kid = decoded && typeof decoded === 'object' ? decoded.header.kid : undefined;
  const key = kid ? keys.keys.get(kid) : undefined;
  if (!key) throw new UnauthenticatedError('The token is malformed or signed with an unknown key.');
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKeyOf(key), { algorithms: ['HS256'] }) as jwt.JwtPayload;
  } catch (error) {
    const reason =
      error instanceof jwt.TokenExpiredError ? 'has expired' : error instanceof jwt.NotBeforeError ? 'is not valid yet' : 'is invalid';
    throw new UnauthenticatedError(`The token ${reason}: log in again or refresh.`);
  }
  if (payload.typ !== type) throw new UnauthenticatedError(`Expected an ${type} token.`);
  return payload as T & { exp: number; iat: number };
}
