import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, type IncomingHttpHeaders, request, STATUS_CODES } from 'node:http';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/** An idle kept-alive socket is retired after this (below the subgraphs' keep-alive, HTTP_KEEP_ALIVE). */
const IDLE_SOCKET_MS = 4_000;
/** A subgraph silent this long on a request fails it (what Node's fetch allowed for headers and body). */
const SILENT_SUBGRAPH_MS = 300_000;

/** A subgraph answer's headers, read-only in practice: RemoteGraphQLDataSource only reads them. */
class AnswerHeaders implements FetcherHeaders {
  private readonly map: Map<string, string>;

  constructor(raw: IncomingHttpHeaders) {
    this.map = new Map(
      Object.entries(raw).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
      ),
    );
  }
  append(name: string, value: string): void {
    const had = this.map.get(name.toLowerCase());
    this.map.set(name.toLowerCase(), had === undefined ? value : `${had}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A whole subgraph answer held in memory (a GraphQL answer is parsed whole anyway). */
class BufferedAnswer implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: AnswerHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return new Uint8Array(this.body).buffer;
  }
  clone(): FetcherResponse {
    return new BufferedAnswer(this.url, this.status, this.headers, this.body);
  }
}

/**
 * The fetcher of the gateway's subgraph requests: node:http over kept-alive sockets, one pool per
 * data source. Node's fetch (undici, with its WHATWG streams, Request and Response objects) was
 * close to half of the gateway's CPU per federated query in the overhead bench's profile
 * (docs/gateway-cost.md). Like fetch, a request that fails is not sent again:
 * a subgraph operation may be a mutation. Only what RemoteGraphQLDataSource sends is supported: a
 * POST with a string body and no redirects.
 */
export function keptAliveFetcher(): Fetcher {
  // With a timeout set, Node retires a pooled socket by the server's `Keep-Alive: timeout=` hint.
  const agent = new Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const fetcher = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const body = init.body ?? '';
      const req = request(url, {
        method: init.method ?? 'GET',
        agent,
        timeout: SILENT_SUBGRAPH_MS,
        headers: { ...init.headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      req.on('timeout', () => req.destroy(new Error(`${url} did not answer within ${SILENT_SUBGRAPH_MS / 1000} s`)));
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve(new BufferedAnswer(url, res.statusCode ?? 502, new AnswerHeaders(res.headers), Buffer.concat(chunks))));
      });
      req.end(body);
    });
  return fetcher as unknown as Fetcher;
}
