import { IDENTITY_HEADER, type RequestIdentity, verifyIdentity } from '@perfanalysis/platform';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TrickleForwarder } from '../src/forward/trickleForwarder.js';

const key = (collectorId: string, ip: string): RequestIdentity => ({
  principal: { kind: 'collector', collectorId, keyId: 'k', scopes: [] },
  tenant: { id: 't1', slug: 't1' },
  ip,
});

describe('TrickleForwarder (the plain trickle hop to the metrics subgraph)', () => {
  let server: Server;
  const headers: string[] = [];
  let forwarder: TrickleForwarder;

  beforeAll(async () => {
    server = createServer((req, res) => {
      headers.push(String(req.headers[IDENTITY_HEADER]));
      req.resume().on('end', () => res.end('{"data":{"tricklePoints":{"accepted":1}}}'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    forwarder = new TrickleForwarder({ metricsUrl: `http://127.0.0.1:${port}/graphql`, internalSecret: 'secret' });
  });

  afterAll(async () => {
    forwarder.close();
    await new Promise((r) => server.close(r));
  });

  it('signs an equal identity once and reuses it, and signs each different identity as itself', async () => {
    const query = 'mutation { tricklePoints(points: []) { accepted } }';
    for (const identity of [key('c1', '10.0.0.1'), key('c1', '10.0.0.1'), key('c2', '10.0.0.1'), key('c1', '10.0.0.2')]) {
      const answer = await forwarder.forward(identity, { query });
      expect(answer.status).toBe(200);
    }
    expect(headers[1]).toBe(headers[0]);
    expect(new Set(headers).size).toBe(3);
    expect(headers.map((h) => verifyIdentity(h, 'secret'))).toEqual([
      key('c1', '10.0.0.1'),
      key('c1', '10.0.0.1'),
      key('c2', '10.0.0.1'),
      key('c1', '10.0.0.2'),
    ]);
  });
});
