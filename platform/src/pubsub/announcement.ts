import type { Logger } from '../logging/logger.js';
import type { PubSub, Unsubscribe } from './PubSub.js';

/** One change channel of contract/src/wire (docs/wire.md): its name and how its messages are written and read. */
export interface ChangeWire<M extends { readonly tenantId: string }> {
  readonly name: string;
  encode(message: M): string;
  /** The message, or undefined for text that is not one. */
  decode(text: string): M | undefined;
}

export interface ChangeChannel<M extends { readonly tenantId: string }> {
  /**
   * Publishes a change after its commit. A failed publish is logged, not thrown: the change is
   * committed, and the channel's readers bound what a lost announcement costs (docs/wire.md).
   */
  announce(pubsub: PubSub, message: M, logger: Logger): Promise<void>;
  /** Calls `handler` for every well-formed message; others are ignored. */
  on(pubsub: PubSub, handler: (message: M) => void): Promise<Unsubscribe>;
}

export function changeChannel<M extends { readonly tenantId: string }>(wire: ChangeWire<M>): ChangeChannel<M> {
  return {
    async announce(pubsub, message, logger) {
      await pubsub
        .publish(wire.name, wire.encode(message))
        .catch((error: unknown) => logger.warn({ err: error, tenantId: message.tenantId, channel: wire.name }, 'change not announced'));
    },
    on(pubsub, handler) {
      return pubsub.subscribe(wire.name, (text) => {
        const message = wire.decode(text);
        if (message) handler(message);
      });
    },
  };
}
