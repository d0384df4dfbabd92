import type { Request } from 'express';
import type { PresentedCredentials } from './auth/authenticateRequest.js';

/** What a request presents to the authenticator: Authorization, Host and the peer address. */
export function credentialsOf(req: Request): PresentedCredentials {
  return { authorization: req.headers.authorization, host: req.headers.host, ip: req.socket.remoteAddress ?? 'unknown' };
}
