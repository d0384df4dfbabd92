import express, { type Request, type Response, Router } from 'express';
import path from 'node:path';

/** Where `npm run build` (dashboard/build.mjs) writes the bundled dashboard. */
export const DASHBOARD_DIR = path.resolve(__dirname, '../../dashboard/public');

/** Paths the dashboard never answers, so it cannot shadow the API, health or metrics. */
const RESERVED = /^\/(?:graphql|healthz|readyz|metrics|api|downloads)(?:\/|$)/;

/** Everything the dashboard loads is its own (bundled); the live charts use graphql-ws on this host. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // Asset names are not content-hashed: the browser revalidates (ETag, 304) on every load.
  res.setHeader('Cache-Control', 'no-cache');
}

function isPageRequest(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !RESERVED.test(req.path);
}

/**
 * The dashboard's static files at `/`, and `index.html` for any other page address (the
 * single-page app's routes), except the reserved API paths and missing files with an extension.
 */
export function dashboardRouter(dir: string = DASHBOARD_DIR): Router {
  const router = Router();
  const assets = express.static(dir, { index: false, redirect: false, dotfiles: 'ignore', setHeaders: securityHeaders });
  router.use((req, res, next) => (isPageRequest(req) ? assets(req, res, next) : next()));
  router.use((req, res, next) => {
    if (!isPageRequest(req) || path.extname(req.path) !== '' || !req.accepts('html')) return next();
    securityHeaders(res);
    res.sendFile(path.join(dir, 'index.html'), (error?: NodeJS.ErrnoException) => {
      if (!error) return;
      if (error.code === 'ENOENT' && !res.headersSent) {
        res.status(503).type('text/plain').send('The dashboard is not built: run `npm run build`.');
      } else next(error);
    });
  });
  return router;
}
