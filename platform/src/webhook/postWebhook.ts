import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isForbiddenAddress, refuseTarget, type TargetPolicy } from './addressPolicy.js';
import { SIGNATURE_HEADER, signWebhook } from './signWebhook.js';

export interface PostResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
}

/**
 * A DNS lookup that refuses internal addresses: the connection goes to the address checked
 * here, so a name that resolves differently at send time than at registration (DNS rebinding)
 * is refused at send time.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const forbidden = list.find((a) => isForbiddenAddress(a.address));
    if (forbidden || list.length === 0) {
      return callback(Object.assign(new Error(`refused: ${hostname} resolves to an internal address`), { code: 'EFORBIDDEN' }), '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

/** POSTs a signed JSON body; no redirects are followed (a redirect could point inside). */
export async function postWebhook(
  target: string,
  secret: string,
  body: string,
  options: { policy: TargetPolicy; timeoutMs: number; userAgent?: string },
): Promise<PostResult> {
  const url = new URL(target);
  const refused = await refuseTarget(url, options.policy);
  if (refused) return { ok: false, statusCode: null, error: refused };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        timeout: options.timeoutMs,
        ...(!options.policy.allowPrivate && { lookup: guardedLookup }),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': options.userAgent ?? 'PerfAnalysis-Alerts/1',
          [SIGNATURE_HEADER]: signWebhook(secret, body),
        },
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => resolve({ ok: status >= 200 && status < 300, statusCode: status, error: null }));
        response.on('error', (error) => resolve({ ok: false, statusCode: status, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error) => resolve({ ok: false, statusCode: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}
