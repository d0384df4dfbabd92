import { type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import type { GatewayRateLimiter } from '../limits/GatewayRateLimiter.js';
import { type OperationAnswer, OperationBatcher } from './operationBatcher.js';
import { rateLimitKey } from '../limits/rateLimitRules.js';

export interface TrickleForwarderOptions {
  /** The metrics subgraph's GraphQL endpoint (owner of `tricklePoints`). */
  readonly metricsUrl: string;
  readonly internalSecret: string;
  /** Every trickle is charged to the caller's `trickle` budget, whatever its transport. */
  readonly rateLimiter?: GatewayRateLimiter;
  /** A metrics answer not in after this long fails the trickle (SERVICE_UNAVAILABLE). @default 15000 */
  readonly timeoutMs?: number;
  /** How long trickles gather before one batch goes to the metrics subgraph (ms; 0: one event-loop turn). @default 0 */
  readonly gatherMs?: number;
}

/** One trickle operation as the client sent it (the document was judged plain by its transport). */
export interface TrickleRequest {
  readonly query: string;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/** The metrics subgraph's answer, passed on untouched. */
export type TrickleAnswer = OperationAnswer;

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

/** A signed identity header as JSON, and when it was signed. */
interface Signature {
  readonly json: string;
  readonly at: number;
}

/**
 * The one way a trickle reaches the metrics subgraph without a query plan (docs/ingest.md
 * "Through the gateway without planning"), for both the HTTP fast path and the agent channel:
 * the caller's `trickle` budget charged, the operation built from the cached query JSON, the
 * variables and the signed identity, sent with the other trickles of the same few milliseconds
 * (`INGEST_FORWARD_GATHER_MS`) as one request (OperationBatcher), and the answer returned as bytes.
 */
export class TrickleForwarder {
  private readonly batcher: OperationBatcher;
  private readonly queryJson = new Map<string, string>();
  private readonly signatures = new Map<string, Signature>();
  private readonly byObject = new WeakMap<RequestIdentity, Signature>();

  constructor(private readonly options: TrickleForwarderOptions) {
    this.batcher = new OperationBatcher(options.metricsUrl, options.timeoutMs ?? 15_000, options.gatherMs ?? 0);
  }

  /** Charges the caller's `trickle` budget: undefined when allowed, else the seconds to wait. */
  charge(identity: RequestIdentity): Promise<number | undefined> {
    return this.options.rateLimiter?.check('trickle', rateLimitKey(identity)) ?? Promise.resolve(undefined);
  }

  /** Sends one trickle; rejects when the metrics subgraph cannot be reached or does not answer in time. */
  forward(identity: RequestIdentity, trickle: TrickleRequest): Promise<TrickleAnswer> {
    const name = typeof trickle.operationName === 'string' ? `,"operationName":${JSON.stringify(trickle.operationName)}` : '';
    const op = `{"identity":${this.signedJson(identity)},"query":${this.jsonOf(trickle.query)},"variables":${JSON.stringify(trickle.variables ?? {})}${name}}`;
    return this.batcher.send(op);
  }

  close(): void {
    this.batcher.close();
  }

  /** The signed identity as a JSON string, reused per identity object first (a connection's), then per equal identity. */
  private signedJson(identity: RequestIdentity): string {
    const now = Date.now();
    const mine = this.byObject.get(identity);
    if (mine && now - mine.at < SIGNATURE_REUSE_MS) return mine.json;
    const key = JSON.stringify(identity);
    let kept = this.signatures.get(key);
    if (!kept || now - kept.at >= SIGNATURE_REUSE_MS) {
      kept = { json: JSON.stringify(signIdentity(identity, this.options.internalSecret, now)), at: now };
      if (this.signatures.size >= MAX_SIGNATURES) this.signatures.clear();
      this.signatures.set(key, kept);
    }
    this.byObject.set(identity, kept);
    return kept.json;
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
}
