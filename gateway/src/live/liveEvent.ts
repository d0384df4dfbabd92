import type { FormattedExecutionResult } from 'graphql-ws';

/** What a view resolved an upstream event into: the client's `data` and `errors`, nothing else. */
export type ResolvedPayload = Pick<FormattedExecutionResult, 'data' | 'errors'>;

/**
 * One event of a view, serialised once for every client of the view (docs/live.md "Fan-out").
 * A client's `next` payload is the result's JSON followed by `extensions` (`resumeFrom`, and
 * `dropped` when that client lost events): byte for byte what graphql-ws wrote for the object
 * `{ ...result, extensions }`, without serialising the result once per client.
 */
export class LiveEvent {
  /** The result's members as JSON, without the enclosing braces. */
  private readonly members: string;
  /** The payload of a client that lost nothing since its previous event (most clients). */
  private readonly common: string;
  /** `common` as UTF-8, encoded once for every client of the view. */
  private commonBytes: Buffer | undefined;

  constructor(
    readonly result: ResolvedPayload,
    /** The subgraph's resume point after this event (`extensions.resumeFrom`). */
    readonly resumeFrom: string | undefined,
  ) {
    this.members = JSON.stringify(result).slice(1, -1);
    this.common = this.withExtensions(resumeFrom ? { resumeFrom } : {});
  }

  /** The `next` payload of a client that lost `dropped` events before this one. */
  payload(dropped: number): string {
    return dropped ? this.withExtensions({ ...(this.resumeFrom && { resumeFrom: this.resumeFrom }), dropped }) : this.common;
  }

  /** `payload(dropped)` as UTF-8: the common one is encoded once, however many clients it goes to. */
  payloadBytes(dropped: number): Buffer {
    if (dropped) return Buffer.from(this.payload(dropped));
    this.commonBytes ??= Buffer.from(this.common);
    return this.commonBytes;
  }

  private withExtensions(extensions: Record<string, unknown>): string {
    return `{${this.members}${this.members ? ',' : ''}"extensions":${JSON.stringify(extensions)}}`;
  }
}

/** A graphql-ws `next` message in parts: the subscription's own head, the view's shared payload, the closing brace. */
export type NextMessage = readonly [head: Buffer, payload: Buffer, tail: Buffer];

const TAIL = Buffer.from('}');

/** The head of every `next` message of subscription `id`, made once per subscription. */
export function nextMessageHead(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

/** A graphql-ws `next` message: the subscription's head spliced before the shared payload (no copy made here). */
export function nextMessage(head: Buffer, payload: Buffer): NextMessage {
  return [head, payload, TAIL];
}
