import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { keptAliveFetcher } from '../src/forward/subgraphFetcher.js';

describe('keptAliveFetcher (the gateway → subgraph hop of federated queries)', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    // Stands in for a subgraph: echoes what it got, answers by path.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url === '/refuse') {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no"}]}');
        } else if (req.url === '/text') {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
        } else {
          res
            .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
            .end('{"data":{"ok":"ünï"}}');
        }
      });
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the body with its headers and a content length, and reads a JSON answer whole', async () => {
    const fetcher = keptAliveFetcher();
    const body = '{"query":"{ ok }","variables":{"name":"ünï"}}';
    const answer = await fetcher(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pa-identity': 'signed' },
      body,
    });
    expect(answer.ok).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-absent')).toBeNull();
    expect(await answer.json()).toEqual({ data: { ok: 'ünï' } });
    expect(answer.bodyUsed).toBe(true);
    const got = seen.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.body).toBe(body);
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(got.headers['x-pa-identity']).toBe('signed');
  });

  it('keeps one socket open across sequential requests', async () => {
    const fetcher = keptAliveFetcher();
    const before = sockets.size;
    for (let i = 0; i < 5; i++) await (await fetcher(`${url}/graphql`, { method: 'POST', body: '{}' })).text();
    expect(sockets.size - before).toBe(1);
  });

  it('passes a refusal on with its status and text for Apollo to turn into an error', async () => {
    const answer = await keptAliveFetcher()(`${url}/refuse`, { method: 'POST', body: '{}' });
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(401);
    expect(answer.statusText).toBe('Unauthorized');
    expect(await answer.clone().text()).toBe('{"errors":[{"message":"no"}]}');
    const text = await (await keptAliveFetcher()(`${url}/text`, { method: 'POST', body: '{}' })).text();
    expect(text).toBe('plain words');
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(keptAliveFetcher()(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
