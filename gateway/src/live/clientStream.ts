import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import type { LiveMetrics } from './liveMetrics.js';

/** One event of a view, shared by every client of the view (never mutated). */
export interface LiveEvent {
  readonly result: FormattedExecutionResult;
  /** The subgraph's resume point after this event (`extensions.resumeFrom`). */
  readonly resumeFrom: string | undefined;
}

/** What a client subscription is told about itself when it ends. */
export interface ClientInfo {
  /** `since` given by the client (ISO), when any. */
  readonly since: string | undefined;
  readonly joinedAt: number;
}

/** An idle client (no event yet) resumes at most this far back. */
export const IDLE_RESUME_WINDOW_MS = 60_000;

/**
 * One client subscription's events on their way to its socket: a bounded buffer that drops the
 * oldest events when the client reads slower than events come (each drop counted), then the
 * terminal error or completion once the buffer is empty. graphql-ws reads it with `for await`
 * and calls `return()` when the client unsubscribes or disconnects.
 */
export class ClientStream implements AsyncIterableIterator<FormattedExecutionResult> {
  private buffer: LiveEvent[] = [];
  private head = 0;
  private waiter: ((result: IteratorResult<FormattedExecutionResult>) => void) | undefined;
  private failWaiter: ((error: unknown) => void) | undefined;
  private ending: { errors: readonly GraphQLFormattedError[] | undefined } | undefined;
  private closed = false;
  private droppedSinceLast = 0;
  private lastResumeFrom: string | undefined;
  private delivered = 0;
  /** Called once when the client is gone (unsubscribed, disconnected, or after its terminal item). */
  onClose: (() => void) | undefined;

  constructor(
    private readonly capacity: number,
    private readonly metrics: LiveMetrics,
    readonly info: ClientInfo,
  ) {
    metrics.subscriptions.inc();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get deliveredCount(): number {
    return this.delivered;
  }

  push(event: LiveEvent): void {
    if (this.closed || this.ending) return;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = this.failWaiter = undefined;
      waiter({ value: this.shape(event), done: false });
      return;
    }
    if (this.buffer.length - this.head >= this.capacity) {
      this.buffer[this.head++] = undefined as never;
      this.droppedSinceLast += 1;
      this.metrics.dropped.inc();
    }
    this.buffer.push(event);
    if (this.head > 1024 && this.head * 2 > this.buffer.length) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
  }

  /** Ends the stream after the buffered events: with errors (a terminal `error` message), else completes. */
  end(errors?: readonly GraphQLFormattedError[]): void {
    if (this.closed || this.ending) return;
    this.ending = { errors };
    if (this.waiter) this.settleEnding();
  }

  /** Where this client resumes from with `since` to miss nothing (after the events it was sent). */
  resumeFrom(now = Date.now()): string {
    return this.lastResumeFrom ?? this.info.since ?? new Date(Math.max(this.info.joinedAt, now - IDLE_RESUME_WINDOW_MS)).toISOString();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<FormattedExecutionResult>> {
    if (this.head < this.buffer.length) {
      const event = this.buffer[this.head]!;
      this.buffer[this.head++] = undefined as never;
      return Promise.resolve({ value: this.shape(event), done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    if (this.ending) {
      return new Promise((resolve, reject) => {
        this.waiter = resolve;
        this.failWaiter = reject;
        this.settleEnding();
      });
    }
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.failWaiter = reject;
    });
  }

  async return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    throw error;
  }

  private settleEnding(): void {
    const resolve = this.waiter;
    const reject = this.failWaiter;
    this.waiter = this.failWaiter = undefined;
    const errors = this.ending?.errors;
    this.close();
    if (errors?.length) {
      // graphql-ws turns the rejection into the subscription's `error` message (extensions kept).
      const [first] = errors;
      reject?.(new GraphQLError(first!.message, { extensions: { ...first!.extensions } }));
    } else {
      resolve?.({ value: undefined, done: true });
    }
  }

  private shape(event: LiveEvent): FormattedExecutionResult {
    this.delivered += 1;
    this.metrics.delivered.inc();
    if (event.resumeFrom) this.lastResumeFrom = event.resumeFrom;
    const extensions: Record<string, unknown> = { ...event.result.extensions };
    if (event.resumeFrom) extensions.resumeFrom = event.resumeFrom;
    if (this.droppedSinceLast) {
      // The client learns that it missed events (its buffer overflowed).
      extensions.dropped = this.droppedSinceLast;
      this.droppedSinceLast = 0;
    }
    return { ...event.result, extensions };
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.head = 0;
    this.metrics.subscriptions.dec();
    const waiter = this.waiter;
    this.waiter = this.failWaiter = undefined;
    waiter?.({ value: undefined, done: true });
    this.onClose?.();
  }
}
