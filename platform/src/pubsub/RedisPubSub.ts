import { Redis } from 'ioredis';
import type { MessageHandler, PubSub, Unsubscribe } from './PubSub.js';

export interface RedisPubSubOptions {
  readonly url: string;
  /** Mandatory: every channel is namespaced so that deployments can share a Redis. */
  readonly prefix: string;
}

/**
 * Redis pub/sub with separate publish and subscribe connections (a subscribed connection
 * can issue no other command). One Redis SUBSCRIBE per channel, however many handlers.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly prefix: string;

  constructor(options: RedisPubSubOptions) {
    if (!options.prefix) throw new Error('RedisPubSub needs a non-empty channel prefix');
    this.prefix = options.prefix;
    const connection = { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true };
    this.publisher = new Redis(options.url, { ...connection, connectionName: 'pa-publish' });
    this.subscriber = new Redis(options.url, { ...connection, connectionName: 'pa-subscribe' });
    // ioredis re-subscribes by itself after a reconnect; errors are reported by ping/publish.
    this.publisher.on('error', () => {});
    this.subscriber.on('error', () => {});
    this.subscriber.on('message', (channel: string, message: string) => {
      const handlers = this.channels.get(channel.slice(this.prefix.length));
      handlers?.forEach((handler) => handler(message));
    });
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
      await this.subscriber.subscribe(this.prefix + channel);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.channels.get(channel) === handlers) {
        this.channels.delete(channel);
        await this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    this.channels.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
