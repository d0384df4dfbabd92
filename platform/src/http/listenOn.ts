import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Wildcard addresses listen everywhere; callers on this machine reach them over loopback. */
function reachableHost(bindAddress: string): string {
  if (bindAddress === '0.0.0.0' || bindAddress === '::') return '127.0.0.1';
  return bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
}

/** Listens on `bindAddress` (config `bind`, docs/security.md "Defaults") and answers the /graphql URL. */
export async function listenOn(server: Server, port: number, bindAddress: string): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, url: `http://${reachableHost(bindAddress)}:${actual}/graphql` };
}
