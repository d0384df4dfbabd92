import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import { Agent, request } from 'node:http';
import type { GatewayRateLimiter } from '../limits/GatewayRateLimiter.js';
import { rateLimitKey } from '../limits/rateLimitRules.js';

export interface TrickleForwarderOptions {
  /** The metrics subgraph's GraphQL endpoint (owner of `tricklePoints`). */
  readonly metricsUrl: string;
  readonly internalSecret: string;
  /** Every trickle is charged to the caller's `trickle` budget, whatever its transport. */
  readonly rateLimiter?: GatewayRateLimiter;
  /** A metrics answer not in after this long fails the trickle (SERVICE_UNAVAILABLE). @default 15000 */
  readonly timeoutMs?: number;
}

/** One trickle operation as the client sent it (the document was judged plain by its transport). */
export interface TrickleRequest {
  readonly query: string;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/** The metrics subgraph's answer, passed on untouched. */
export interface TrickleAnswer {
  readonly status: number;
  readonly body: Buffer;
}

/** Distinct query texts whose JSON is kept: agents send the same few documents over and over. */
const MAX_REMEMBERED = 256;
/**
 * A signed identity is reused this long for an equal identity (an agent sends every point as
 * the same principal from the same address): an HMAC per point showed in the profile, and the
 * metrics subgraph verifies a header it saw before without one. Well inside the age a subgraph
 * accepts (platform/src/auth/internalIdentity.ts).
 */
const SIGNATURE_REUSE_MS = 30_000;
/** Distinct identities whose signature is kept (a fleet's agents); beyond, the lot is dropped. */
const MAX_SIGNATURES = 20_000;

/**
 * The one way a trickle reaches the metrics subgraph without a query plan (docs/ingest.md
 * "Through the gateway without planning"), for both the HTTP fast path and the agent channel:
 * the caller's `trickle` budget charged, the body built from the cached query JSON and the
 * variables, the identity signed, and the answer returned as bytes over kept-alive sockets.
 */
export class TrickleForwarder {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  /** Where requests go, as options made once (a URL is converted again on every request). */
  private readonly target: { readonly protocol: string; readonly hostname: string; readonly port: string; readonly path: string };
  private readonly queryJson = new Map<string, string>();
  private readonly signatures = new Map<string, { readonly header: string; readonly at: number }>();

  constructor(private readonly options: TrickleForwarderOptions) {
    const url = new URL(options.metricsUrl);
    this.target = { protocol: url.protocol, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}` };
  }

  /** Charges the caller's `trickle` budget: undefined when allowed, else the seconds to wait. */
  charge(identity: RequestIdentity): Promise<number | undefined> {
    return this.options.rateLimiter?.check('trickle', rateLimitKey(identity)) ?? Promise.resolve(undefined);
  }

  /** Sends one trickle; rejects when the metrics subgraph cannot be reached or does not answer in time. */
  forward(identity: RequestIdentity, trickle: TrickleRequest): Promise<TrickleAnswer> {
    const name = typeof trickle.operationName === 'string' ? `,"operationName":${JSON.stringify(trickle.operationName)}` : '';
    const body = `{"query":${this.jsonOf(trickle.query)},"variables":${JSON.stringify(trickle.variables ?? {})}${name}}`;
    return this.post(body, this.signed(identity));
  }

  close(): void {
    this.agent.destroy();
  }

  private signed(identity: RequestIdentity): string {
    const now = Date.now();
    const key = JSON.stringify(identity);
    const kept = this.signatures.get(key);
    if (kept && now - kept.at < SIGNATURE_REUSE_MS) return kept.header;
    const header = signIdentity(identity, this.options.internalSecret, now);
    if (this.signatures.size >= MAX_SIGNATURES) this.signatures.clear();
    this.signatures.set(key, { header, at: now });
    return header;
  }

  private jsonOf(query: string): string {
    let json = this.queryJson.get(query);
    if (json === undefined) {
      json = JSON.stringify(query);
      if (this.queryJson.size >= MAX_REMEMBERED) this.queryJson.clear();
      this.queryJson.set(query, json);
    }
    return json;
  }

  private post(body: string, identityHeader: string): Promise<TrickleAnswer> {
    return new Promise((resolve, reject) => {
      const req = request({
        ...this.target,
        method: 'POST',
        agent: this.agent,
        timeout: this.options.timeoutMs ?? 15_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [IDENTITY_HEADER]: identityHeader },
      });
      req.on('timeout', () => req.destroy(new Error('metrics answer timed out')));
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
      });
      req.end(body);
    });
  }
}
