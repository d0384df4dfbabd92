import { createTestEnvironment, type TestEnvironment } from '@perfanalysis/testenv';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** This machine's own non-loopback IPv4 addresses: what a neighbour on the network would dial. */
const outward = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
  .map((i) => i!.address);

function dial(host: string, port: number): Promise<'open' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve('open')));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

// Without a non-loopback interface there is nothing a neighbour could reach: nothing to check.
(outward.length > 0 ? describe : describe.skip)('default bind address (docs/security.md "Defaults")', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(() => env?.stop());

  it('answers on loopback only: the gateway and every subgraph refuse connections on outward addresses', async () => {
    const ports = [env.gatewayUrl, ...Object.values(env.subgraphUrls)].map((url) => Number(new URL(url).port));
    for (const port of ports) {
      expect(await dial('127.0.0.1', port)).toBe('open');
      for (const address of outward) expect(`${address}:${port} ${await dial(address, port)}`).toBe(`${address}:${port} ECONNREFUSED`);
    }
  });
});
