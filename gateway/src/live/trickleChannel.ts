import { IDENTITY_HEADER, type Logger, RateLimitedError, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import { Agent, request } from 'node:http';
import type { GatewayRateLimiter } from '../limits/GatewayRateLimiter.js';
import { rateLimitKey, TRICKLE_ROOT_FIELDS } from '../limits/rateLimitRules.js';
import { SubscriptionRefused } from './livePlanner.js';

export interface TrickleChannelOptions {
  /** The metrics subgraph's GraphQL endpoint (owner of `tricklePoints`). */
  readonly metricsUrl: string;
  readonly internalSecret: string;
  readonly logger: Logger;
  /** Every message is charged to the caller's `trickle` budget, as an HTTP request would be. */
  readonly rateLimiter?: GatewayRateLimiter;
  /** A metrics answer not in after this long fails the message with SERVICE_UNAVAILABLE. @default 15000 */
  readonly timeoutMs?: number;
}

function refused(message: string, code: string): SubscriptionRefused {
  return new SubscriptionRefused([new GraphQLError(message, { extensions: { code } })]);
}

function failed(message: string, code: string, extensions: Record<string, unknown> = {}): FormattedExecutionResult {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * The channel's one mutation: `tricklePoints` alone at the root. Its answer (TrickleAck) is all
 * the metrics subgraph's, so the operation needs no query plan: the validated client document
 * goes to the metrics subgraph as it is (see docs/agent-channel.md).
 */
export function assertChannelMutation(operation: OperationDefinitionNode): void {
  const roots = operation.selectionSet.selections;
  const only = roots.length === 1 ? roots[0] : undefined;
  if (only?.kind !== Kind.FIELD || !TRICKLE_ROOT_FIELDS.has(only.name.value)) {
    throw refused('Over WebSocket the only mutation is `tricklePoints` alone; send other mutations with HTTP POST.', 'BAD_REQUEST');
  }
}

/**
 * Forwards `tricklePoints` messages of the agent channel to the metrics subgraph over kept-alive
 * HTTP, the connection's identity signed per message: no JWT, plan or Apollo pipeline per point.
 */
export class TrickleChannel {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly target: URL;
  /** JSON of each distinct query text, so a message's body is two splices and its variables. */
  private readonly queryJson = new Map<string, string>();

  constructor(private readonly options: TrickleChannelOptions) {
    this.target = new URL(options.metricsUrl);
  }

  /** Stores one message's points; the answer is the subgraph's (errors keep their codes). */
  async forward(identity: RequestIdentity, query: string, variables: unknown): Promise<FormattedExecutionResult> {
    const retryAfter = await this.options.rateLimiter?.check('trickle', rateLimitKey(identity));
    if (retryAfter !== undefined) {
      const error = new RateLimitedError(retryAfter);
      return failed(error.message, error.code, { retryAfter });
    }
    const body = `{"query":${this.jsonOf(query)},"variables":${JSON.stringify(variables ?? {})}}`;
    try {
      return await this.post(body, signIdentity(identity, this.options.internalSecret));
    } catch (error) {
      this.options.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'channel: metrics unreachable');
      return failed('The metrics service is unavailable; retry shortly.', 'SERVICE_UNAVAILABLE');
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private jsonOf(query: string): string {
    let json = this.queryJson.get(query);
    if (json === undefined) {
      json = JSON.stringify(query);
      if (this.queryJson.size >= 100) this.queryJson.clear();
      this.queryJson.set(query, json);
    }
    return json;
  }

  private post(body: string, identityHeader: string): Promise<FormattedExecutionResult> {
    return new Promise((resolve, reject) => {
      const req = request(this.target, {
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
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FormattedExecutionResult);
          } catch {
            reject(new Error(`metrics answered HTTP ${res.statusCode} without JSON`));
          }
        });
      });
      req.end(body);
    });
  }
}
