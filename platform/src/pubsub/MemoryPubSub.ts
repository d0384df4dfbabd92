import type { MessageHandler, PubSub, Unsubscribe } from './PubSub.js';

/** In-process pub/sub for the single-process embedded default. */
export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<MessageHandler>>();

  async publish(channel: string, message: string): Promise<void> {
    // Delivered on a later tick, as a network transport would: publishers never run handlers.
    const handlers = [...(this.channels.get(channel) ?? [])];
    if (handlers.length) queueMicrotask(() => handlers.forEach((handler) => handler(message)));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    const handlers = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, handlers.add(handler));
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.channels.delete(channel);
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.channels.clear();
  }
}
