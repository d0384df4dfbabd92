import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DASHBOARD_CSP, dashboardRouter } from '../src/dashboardStatic.js';

/** The dashboard's static files beside stand-ins for the routes it must never shadow. */
describe('dashboardRouter', () => {
  let dir: string;
  let server: Server;
  let base: string;

  const start = async (publicDir: string) => {
    const app = express();
    app.use(dashboardRouter(publicDir));
    for (const reserved of ['/graphql', '/healthz', '/readyz', '/metrics', /^\/api\/.*/, /^\/downloads\/.*/]) {
      app.all(reserved, (req, res) => res.json({ reached: req.path }));
    }
    const s = createServer(app);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return { s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>PerfAnalysis</title>');
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    ({ s: server, url: base } = await start(dir));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('serves index.html at / with the security headers and revalidation', async () => {
    const res = await fetch(`${base}/`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('PerfAnalysis');
    expect(res.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("default-src 'self'");
    expect(DASHBOARD_CSP).toContain("connect-src 'self' ws: wss:");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets, and answers 304 to a revalidation', async () => {
    const res = await fetch(`${base}/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, since fetch adds `cache-control: no-cache` to conditional requests (as the spec says).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${base}/app.js`, { headers: { 'if-none-match': etag! } }, (r) => {
        r.resume();
        resolve(r.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('answers page addresses of the app with index.html (SPA fallback)', async () => {
    const res = await fetch(`${base}/collectors/abc`, { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('PerfAnalysis');
  });

  it('does not turn a missing asset, a non-HTML request or a POST into the page', async () => {
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/somewhere`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST', headers: html })).status).toBe(404);
  });

  it.each(['/graphql', '/healthz', '/readyz', '/metrics', '/api/v1/performance/export', '/downloads/reports/abc'])(
    'leaves %s to the gateway',
    async (route) => {
      const res = await fetch(`${base}${route}`, { headers: html });
      expect(await res.json()).toEqual({ reached: route });
    },
  );

  it('does not serve files outside its folder', async () => {
    const res = await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`, { headers: html });
    expect(await res.text()).not.toContain('root:');
  });

  it('says how to build the dashboard when it is missing', async () => {
    const { s, url } = await start(path.join(dir, 'absent'));
    try {
      const res = await fetch(`${url}/`, { headers: html });
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await new Promise((resolve) => s.close(resolve));
    }
  });
});
