import http from 'node:http';

/**
 * The little of `fetch` the SDK's client uses (POST, headers, a string body, `status` and
 * `json()`), over `node:http` with kept-alive sockets. The runner shares the machine's two cores
 * with the services it measures: in the trickle part Node's own fetch (undici, web streams, an
 * abort signal per request) cost the runner about as much CPU per point as the metrics process.
 */
export function keptAliveFetch(): typeof fetch {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const send = (url: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const request = http.request(
        String(url),
        { method: init.method ?? 'GET', headers: init.headers as Record<string, string>, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            resolve({ status, ok: status >= 200 && status < 300, json: async () => JSON.parse(text) as unknown } as Response);
          });
        },
      );
      request.on('error', reject);
      request.end(init.body as string | undefined);
    });
  return send as typeof fetch;
}
