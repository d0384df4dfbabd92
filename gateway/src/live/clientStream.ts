import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type LiveEvent, nextMessage, nextMessageHead, type NextMessage } from './liveEvent.js';
import type { LiveMetrics } from './liveMetrics.js';

/**
 * Writes raw graphql-ws messages to the client's socket, in order and as one write (one system
 * call for the lot), and calls `written` once the socket took the last.
 */
export type RawSink = (messages: readonly NextMessage[], written: () => void) => void;

/**
 * Paces the writes of many client streams: at most one write per client and window of
 * `windowMs` (docs/live.md "Back-pressure"). A client that wrote nothing for a whole window
 * writes at the end of the current event-loop turn (leading edge: an idle dashboard's event leaves
 * at once, not up to a window later); a client that wrote less than a window ago writes when its
 * window ends, every event that came meanwhile in that one write. At a hundred dashboards and
 * thousands of events a second a socket write per event was most of the gateway's CPU; a busy
 * client still makes one write per window. The window ends are rounded up to slots of a tenth of
 * the window, so a few timers serve every client. A window of 0 writes at once.
 */
export class WriteBatcher {
  /** Flushes for the end of this turn (clients idle for a window or more). */
  private readonly soon = new Set<() => void>();
  private turnEnd: NodeJS.Immediate | undefined;
  /** Flushes by the slot (instant, ms) their window ends in, one timer per slot. */
  private readonly slots = new Map<number, Set<() => void>>();
  private readonly slotMs: number;

  constructor(
    readonly windowMs: number,
    /** The clock windows are measured on (ms). */
    readonly now: () => number = Date.now,
  ) {
    this.slotMs = Math.max(1, Math.ceil(windowMs / 10));
  }

  /**
   * Runs `flush` once the window of the client's previous write (started at `lastWriteAt`) is
   * over: at the end of this turn when it is already, else when it ends (once, however often asked).
   */
  schedule(flush: () => void, lastWriteAt: number): void {
    if (this.windowMs <= 0) return flush();
    const now = this.now();
    const opensAt = lastWriteAt + this.windowMs;
    if (opensAt <= now) {
      this.soon.add(flush);
      this.turnEnd ??= setImmediate(() => this.runSoon()).unref();
      return;
    }
    const slot = Math.ceil(opensAt / this.slotMs) * this.slotMs;
    let due = this.slots.get(slot);
    if (!due) {
      this.slots.set(slot, (due = new Set()));
      setTimeout(() => this.runSlot(slot), slot - now).unref();
    }
    due.add(flush);
  }

  private runSoon(): void {
    this.turnEnd = undefined;
    const due = [...this.soon];
    this.soon.clear();
    for (const flush of due) flush();
  }

  private runSlot(slot: number): void {
    const due = this.slots.get(slot);
    this.slots.delete(slot);
    for (const flush of due ?? []) flush();
  }
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
 * oldest events when the client reads slower than events come (each drop counted), written as
 * raw `next` messages once `attach`ed (each a splice of the view's shared JSON, docs/live.md
 * "Fan-out") — one write in flight at a time, at most one per batcher window, carrying every
 * event that came since the previous write — then the terminal error or completion once
 * the buffer is empty.
 * graphql-ws iterates it only to learn how it ends (it yields nothing) and calls `return()` when
 * the client unsubscribes or disconnects.
 */
export class ClientStream implements AsyncIterableIterator<never> {
  private buffer: LiveEvent[] = [];
  private head = 0;
  private sink: { readonly head: Buffer; readonly send: RawSink } | undefined;
  private writing = false;
  private waiter: ((result: IteratorResult<never>) => void) | undefined;
  private failWaiter: ((error: unknown) => void) | undefined;
  private ending: { errors: readonly GraphQLFormattedError[] | undefined } | undefined;
  private closed = false;
  private droppedSinceLast = 0;
  private lastResumeFrom: string | undefined;
  private delivered = 0;
  /** When this client's last write started (its window; never: a window ago and more). */
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** Called once when the client is gone (unsubscribed, disconnected, or after its terminal item). */
  onClose: (() => void) | undefined;

  private readonly flushNow = () => this.flush();

  constructor(
    private readonly capacity: number,
    private readonly metrics: LiveMetrics,
    readonly info: ClientInfo,
    private readonly batcher: WriteBatcher = new WriteBatcher(0),
  ) {
    metrics.subscriptions.inc();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get deliveredCount(): number {
    return this.delivered;
  }

  /** Where this client's events go: `next` messages of subscription `id`, one write in flight at a time. */
  attach(id: string, send: RawSink): void {
    this.sink = { head: nextMessageHead(id), send };
    this.flush();
  }

  push(event: LiveEvent): void {
    if (this.closed || this.ending) return;
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
    if (!this.writing) this.batcher.schedule(this.flushNow, this.lastWriteAt);
  }

  /** Ends the stream after the buffered events: with errors (a terminal `error` message), else completes. */
  end(errors?: readonly GraphQLFormattedError[]): void {
    if (this.closed || this.ending) return;
    this.ending = { errors };
    this.flush();
  }

  /** Where this client resumes from with `since` to miss nothing (after the events it was sent). */
  resumeFrom(now = Date.now()): string {
    return this.lastResumeFrom ?? this.info.since ?? new Date(Math.max(this.info.joinedAt, now - IDLE_RESUME_WINDOW_MS)).toISOString();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Settles when the stream ends: done after completion, rejected with the terminal error. */
  next(): Promise<IteratorResult<never>> {
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = resolve;
      this.failWaiter = reject;
      this.flush();
    });
  }

  async return(): Promise<IteratorResult<never>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<never>> {
    this.close();
    throw error;
  }

  /**
   * Writes every buffered event as one write when the socket is free; ends once nothing is left
   * to write. Under load the events of a whole write's wait go out together: one system call per
   * client and write instead of one per event (docs/live.md "Back-pressure").
   */
  private flush(): void {
    if (this.closed || this.writing || !this.sink) return;
    if (this.head < this.buffer.length) {
      const messages = new Array<NextMessage>(this.buffer.length - this.head);
      for (let i = 0; i < messages.length; i++) messages[i] = nextMessage(this.sink.head, this.payloadOf(this.buffer[this.head + i]!));
      this.delivered += messages.length;
      this.metrics.delivered.inc(messages.length);
      this.buffer = [];
      this.head = 0;
      this.writing = true;
      this.lastWriteAt = this.batcher.now();
      this.sink.send(messages, () => {
        this.writing = false;
        // Events that came while the socket was busy leave when this write's window ends.
        if (this.head < this.buffer.length) this.batcher.schedule(this.flushNow, this.lastWriteAt);
        else this.flush();
      });
      return;
    }
    if (this.ending && this.waiter) this.settleEnding();
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

  private payloadOf(event: LiveEvent): Buffer {
    if (event.resumeFrom) this.lastResumeFrom = event.resumeFrom;
    // The client learns that it missed events (its buffer overflowed).
    const dropped = this.droppedSinceLast;
    this.droppedSinceLast = 0;
    return event.payloadBytes(dropped);
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
