import express, { type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFoundError } from '../src/errors/NotFoundError.js';
import { RateLimitedError } from '../src/errors/RateLimitedError.js';
import { jsonErrorHandler } from '../src/http/jsonErrorHandler.js';
import { sendJsonError } from '../src/http/sendJsonError.js';
import { createLogger } from '../src/logging/logger.js';

const logger = createLogger('test', 'silent');

/** A real server whose routes throw what the test names. */
function serve(): Promise<{ server: Server; url: string }> {
  const app = express();
  app.get('/not-found', (_req, res) => sendJsonError(res, new NotFoundError('No such machine.', { field: 'machine_id' })));
  app.get('/limited', (_req, res) => sendJsonError(res, new RateLimitedError(9)));
  app.get('/fault', (_req, res) => sendJsonError(res, new Error('relation "tenant_x.secret" does not exist'), { logger }));
  app.get('/dialect', (_req, res) =>
    sendJsonError(res, new NotFoundError(), { body: (message, extensions) => ({ error: message, ...extensions }) }),
  );
  app.get('/late', (_req: Request, res: Response) => {
    res.writeHead(200).write('partial');
    sendJsonError(res, new NotFoundError());
  });
  app.post('/json', express.json({ limit: '1kb' }), (_req, res) => void res.end());
  app.use(jsonErrorHandler(logger));
  const server = createServer(app).listen(0, '127.0.0.1');
  return new Promise((resolve) =>
    server.once('listening', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

describe('sendJsonError', () => {
  let env: { server: Server; url: string };
  beforeAll(async () => (env = await serve()));
  afterAll(() => new Promise((resolve) => env.server.close(resolve)));

  it("answers a typed error with its code's status, its details, and no-store", async () => {
    const response = await fetch(`${env.url}/not-found`);
    expect([response.status, response.headers.get('cache-control')]).toEqual([404, 'no-store']);
    expect(await response.json()).toEqual({
      errors: [{ message: 'No such machine.', extensions: { code: 'NOT_FOUND', field: 'machine_id' } }],
    });
  });

  it('sends Retry-After with RATE_LIMITED', async () => {
    const response = await fetch(`${env.url}/limited`);
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '9']);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', retryAfter: 9 } }] });
  });

  it('answers a fault of ours 500 without its message', async () => {
    const response = await fetch(`${env.url}/fault`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  it("words the body in a REST dialect's shape around the same code and status", async () => {
    const response = await fetch(`${env.url}/dialect`);
    expect([response.status, await response.json()]).toEqual([404, { error: 'Not found in this tenant.', code: 'NOT_FOUND' }]);
  });

  it('cuts the response off once its head went out', async () => {
    await expect(fetch(`${env.url}/late`).then((r) => r.text())).rejects.toThrow();
  });

  it('answers bodies refused before a route runs with their typed code (jsonErrorHandler)', async () => {
    const post = (body: string) => fetch(`${env.url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const tooLarge = await post(JSON.stringify({ query: 'x'.repeat(2_000) }));
    expect([
      tooLarge.status,
      ((await tooLarge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const malformed = await post('{"query": ');
    expect([
      malformed.status,
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ]).toEqual([400, 'BAD_REQUEST']);
  });
});
