import type { WebSocket } from 'ws';
import { textFrames } from './textFrames.js';

/** ws keeps the TCP socket under this name. */
type RawWebSocket = WebSocket & { readonly _socket?: { write(data: Buffer, written: () => void): boolean } };

/** Messages in parts (UTF-8), as textFrames takes them. */
export type FrameParts = readonly Uint8Array[];

/** Outboxes with messages waiting for the end of the turn: one `setImmediate` for them all. */
const due = new Set<SocketOutbox>();
let turnEnd: NodeJS.Immediate | undefined;

function flushDue(): void {
  turnEnd = undefined;
  const outboxes = [...due];
  due.clear();
  for (const outbox of outboxes) outbox.flush();
}

/**
 * Everything the gateway sends on one graphql-ws connection, as few socket writes as possible
 * (docs/live.md "Back-pressure"): graphql-ws's own messages (an agent's acknowledgement is a
 * `next` and a `complete`, each its own stream write through ws) wait for the end of the event-loop
 * turn and go out together as one write, and a batch of live events takes whatever waits with it
 * in its own write, after it (the connection's order kept). ws writes nothing of its own between
 * them but control frames (no compression, so its sender never queues data).
 */
export class SocketOutbox {
  private waiting: FrameParts[] = [];

  constructor(private readonly socket: RawWebSocket) {}

  /** A message for the end of this turn; `sent` is called at once (the write carries no answer worth waiting for). */
  queue(message: string, sent?: (error?: Error) => void): void {
    if (!this.isOpen()) return sent?.();
    this.waiting.push([Buffer.from(message)]);
    due.add(this);
    turnEnd ??= setImmediate(flushDue);
    sent?.();
  }

  /** `messages` now as one write, after whatever waits; `written` once the socket took it. */
  write(messages: readonly FrameParts[], written: () => void): void {
    // A closing socket takes nothing more (graphql-ws returns the stream once it closed).
    if (!this.isOpen()) return;
    const all = this.waiting.length ? [...this.takeWaiting(), ...messages] : messages;
    this.socket._socket!.write(textFrames(all), () => written());
  }

  /** Writes what waits (before the socket closes, at the end of the turn). */
  flush(): void {
    if (!this.waiting.length) return;
    const messages = this.takeWaiting();
    if (this.isOpen()) this.socket._socket!.write(textFrames(messages), () => undefined);
  }

  private takeWaiting(): FrameParts[] {
    const messages = this.waiting;
    this.waiting = [];
    due.delete(this);
    return messages;
  }

  private isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN && this.socket._socket !== undefined;
  }
}

const outboxes = new WeakMap<WebSocket, SocketOutbox>();

/**
 * The connection's outbox; the first call routes the socket's text `send`s through it and makes
 * `close` write what waits first (the close frame is the last thing on the wire).
 */
export function outboxOf(socket: WebSocket): SocketOutbox {
  const known = outboxes.get(socket);
  if (known) return known;
  const created = new SocketOutbox(socket);
  outboxes.set(socket, created);
  const send = socket.send.bind(socket);
  const close = socket.close.bind(socket);
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    const [sent] = rest;
    if (typeof data === 'string' && rest.length <= 1 && (sent === undefined || typeof sent === 'function'))
      return created.queue(data, sent as ((error?: Error) => void) | undefined);
    created.flush();
    return (send as (...args: unknown[]) => void)(data, ...rest);
  }) as WebSocket['send'];
  socket.close = ((code?: number, reason?: string | Buffer) => {
    created.flush();
    close(code, reason);
  }) as WebSocket['close'];
  return created;
}
