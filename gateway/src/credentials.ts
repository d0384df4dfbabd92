import type { Request } from 'express';
import type { PresentedCredentials } from './auth/authenticateRequest.js';
import { clientAddress } from './limits/clientAddress.js';

/**
 * What a request presents to the authenticator: Authorization, Host and the client address
 * (the peer, or X-Forwarded-For's client when the peer is a configured trusted proxy).
 */
export function credentialsOf(req: Request, trustedProxies: readonly string[] = []): PresentedCredentials {
  return {
    authorization: req.headers.authorization,
    host: req.headers.host,
    ip: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies),
  };
}
