import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { RequestIdentity } from './identity.js';

/** The header carrying the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-pa-identity';

/** A signed identity older than this is refused (limits replay of a captured header). */
const MAX_AGE_MS = 5 * 60_000;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `base64url(json).base64url(hmac)`; only holders of the internal secret can mint one. */
export function signIdentity(identity: RequestIdentity, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...identity, iat: now })).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** Headers verified once, by their text: the gateway reuses a signature per identity for a while. */
const verified = new Map<string, { readonly secret: string; readonly identity: RequestIdentity; readonly iat: unknown }>();
const MAX_VERIFIED = 10_000;

function checkAge(iat: unknown, now: number): void {
  if (typeof iat !== 'number' || Math.abs(now - iat) > MAX_AGE_MS) throw new UnauthenticatedError('Identity header is stale.');
}

/**
 * Reads the identity a gateway forwarded. A header that is present but not validly signed
 * (forged, edited, stale) is refused outright rather than treated as anonymous. A header seen
 * before skips the HMAC and the JSON (one per trickle showed in the profile), never the age check.
 */
export function verifyIdentity(header: string, secret: string, now = Date.now()): RequestIdentity {
  const seen = verified.get(header);
  if (seen && seen.secret === secret) {
    checkAge(seen.iat, now);
    return seen.identity;
  }
  const { identity, iat } = verifySignature(header, secret);
  checkAge(iat, now);
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(header, { secret, identity, iat });
  return identity;
}

function verifySignature(header: string, secret: string): { identity: RequestIdentity; iat: unknown } {
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) throw new UnauthenticatedError('Identity header is malformed.');
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthenticatedError('Identity header was not signed by the gateway.');
  }
  const { iat, ...identity } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as RequestIdentity & { iat: unknown };
  return { identity, iat };
}
