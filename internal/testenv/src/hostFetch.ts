import { request } from 'node:http';

/**
 * A fetch for tests that must send their own Host header (the WHATWG fetch forbids it):
 * the tenant-by-domain cases. Handles the small subset the SDK client uses.
 */
export function fetchWithHost(host: string): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const body = String(init.body ?? '');
    const headers = { ...(init.headers as Record<string, string>), host, 'content-length': String(Buffer.byteLength(body)) };
    return new Promise<Response>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: res.headers as Record<string, string> })),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
