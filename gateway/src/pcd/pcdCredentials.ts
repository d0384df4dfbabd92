import { importedApiKey, looksLikeApiKey } from '@perfanalysis/platform';
import type { Request } from 'express';
import type { PresentedCredentials } from '../auth/authenticateRequest.js';
import { credentialsOf } from '../credentials.js';

/** A key as pcc presents it: our own keys as they are, a pcd key as its imported form. */
function asOurKey(key: string): string {
  return looksLikeApiKey(key) ? key : importedApiKey(key).key;
}

/**
 * pcc sends its key in the `apikey` header (or as `Authorization: Bearer`): either way it is
 * authenticated as an API key, never as a user token (docs/pcc-compatibility.md).
 */
export function pcdCredentialsOf(req: Request, trustedProxies: readonly string[]): PresentedCredentials {
  const base = credentialsOf(req, trustedProxies);
  const header = req.headers.apikey;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(base.authorization ?? '')?.[1];
  const key = typeof header === 'string' && header.trim() ? header.trim() : bearer;
  return { ...base, authorization: key ? `Bearer ${asOurKey(key)}` : undefined };
}
