import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Headers a browser may send cross-origin to the API (Apollo's CSRF header included). */
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
const ALLOWED_METHODS = 'GET, POST, OPTIONS';

/** What the API's own responses may do in a browser: nothing (the dashboard sets its own CSP). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export interface HttpSecurityOptions {
  /** Origins allowed by CORS; `*` allows any origin but never with credentials. */
  readonly corsOrigins: readonly string[];
  /** Strict-Transport-Security max-age; 0: no header. */
  readonly hstsMaxAgeSeconds: number;
  /** Apollo's landing page at GET /graphql loads from Apollo's CDN: no CSP there when it is on. */
  readonly sandbox: boolean;
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * CORS from an allow-list. An allowed origin is echoed with credentials allowed; `*` is answered
 * with `*` and without credentials (browsers refuse the pair anyway, and it would hand any site
 * a user's cookies). A preflight from any other origin gets 403 and no CORS headers.
 */
export function corsMiddleware(options: Pick<HttpSecurityOptions, 'corsOrigins'>): RequestHandler {
  const listed = new Set(options.corsOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/$/, '')));
  const anyOrigin = options.corsOrigins.includes('*');
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!origin) return next();
    res.vary('Origin');
    const allowed = listed.has(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    } else if (anyOrigin) {
      res.setHeader('Access-Control-Allow-Origin', '*');
    }
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return next();
    if (!allowed && !anyOrigin && !sameOrigin(origin, req.headers.host)) {
      res.status(403).end();
      return;
    }
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

/** Headers on every response; the dashboard's static files replace the CSP with their own. */
export function securityHeaders(options: Pick<HttpSecurityOptions, 'hstsMaxAgeSeconds' | 'sandbox'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const landingPage = options.sandbox && req.method === 'GET' && req.path === '/graphql';
    if (!landingPage) res.setHeader('Content-Security-Policy', API_CSP);
    if (options.hstsMaxAgeSeconds > 0)
      res.setHeader('Strict-Transport-Security', `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains`);
    next();
  };
}
