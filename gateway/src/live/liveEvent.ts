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

  private withExtensions(extensions: Record<string, unknown>): string {
    return `{${this.members}${this.members ? ',' : ''}"extensions":${JSON.stringify(extensions)}}`;
  }
}

/** A graphql-ws `next` message: the subscription id (JSON already) spliced before the shared payload. */
export function nextMessage(idJson: string, payload: string): string {
  return `{"id":${idJson},"type":"next","payload":${payload}}`;
}
