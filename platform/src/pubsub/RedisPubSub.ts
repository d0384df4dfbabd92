import { connectRedis, type RedisConnection, type RedisTarget } from '../redis/connectRedis.js';
import type { MessageHandler, PubSub, PubSubStatus, Unsubscribe } from './PubSub.js';

export interface RedisPubSubOptions extends RedisTarget {
  /** Mandatory: every channel is namespaced so that deployments can share a Redis. */
  readonly prefix: string;
}

/**
 * Redis pub/sub with separate publish and subscribe connections (a subscribed connection
 * can issue no other command). One Redis SUBSCRIBE per channel, however many handlers.
 *
 * On a Redis Cluster the channels are sharded (SPUBLISH/SSUBSCRIBE): a classic PUBLISH goes to
 * whichever node ioredis picks and reaches the subscriber's node over the cluster bus, so two
 * publishes from one process could arrive in either order; a shard channel lives on the one
 * master owning its slot, which keeps publish order (docs/topologies.md).
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: RedisConnection;
  private readonly subscriber: RedisConnection;
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private readonly prefix: string;
  private readonly sharded: boolean;
  private readonly statusListeners = new Set<(status: PubSubStatus) => void>();
  private status: PubSubStatus = 'up';

  constructor(options: RedisPubSubOptions) {
    if (!options.prefix) throw new Error('RedisPubSub needs a non-empty channel prefix');
    this.prefix = options.prefix;
    this.sharded = options.cluster === true;
    const connection = { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true };
    this.publisher = connectRedis(options, { ...connection, connectionName: 'pa-publish' });
    this.subscriber = connectRedis(options, { ...connection, connectionName: 'pa-subscribe' }, this.sharded);
    // ioredis re-subscribes by itself after a reconnect; errors are reported by ping/publish.
    this.publisher.on('error', () => {});
    this.subscriber.on('error', () => {});
    // Messages published while the subscriber connection is down are lost: say so, and say
    // when delivery resumed (after ioredis re-subscribed; a PING answered after them proves it).
    this.subscriber.on('close', () => this.setStatus('down'));
    this.subscriber.on('ready', () => {
      if (this.status === 'down')
        this.subscriber.ping().then(
          () => this.setStatus('up'),
          () => undefined,
        );
    });
    this.subscriber.on(this.sharded ? 'smessage' : 'message', (channel: string, message: string) => {
      const handlers = this.channels.get(channel.slice(this.prefix.length));
      handlers?.forEach((handler) => handler(message));
    });
  }

  async publish(channel: string, message: string): Promise<void> {
    if (this.sharded) await this.publisher.spublish(this.prefix + channel, message);
    else await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
      const name = this.prefix + channel;
      this.subscribed.set(channel, this.sharded ? this.subscriber.ssubscribe(name) : this.subscriber.subscribe(name));
    }
    handlers.add(handler);
    try {
      // Every caller waits for the one SUBSCRIBE of its channel, not only the first.
      await this.subscribed.get(channel);
    } catch (error) {
      this.forget(channel, handlers, handler);
      throw error;
    }
    return async () => {
      if (!this.forget(channel, handlers, handler)) return;
      const name = this.prefix + channel;
      await (this.sharded ? this.subscriber.sunsubscribe(name) : this.subscriber.unsubscribe(name)).catch(() => undefined);
    };
  }

  /** Removes a handler; true when it was the channel's last (the channel is dropped). */
  private forget(channel: string, handlers: Set<MessageHandler>, handler: MessageHandler): boolean {
    handlers.delete(handler);
    if (handlers.size > 0 || this.channels.get(channel) !== handlers) return false;
    this.channels.delete(channel);
    this.subscribed.delete(channel);
    return true;
  }

  onStatus(listener: (status: PubSubStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: PubSubStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.statusListeners.forEach((listener) => listener(status));
  }

  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    this.channels.clear();
    this.subscribed.clear();
    this.statusListeners.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
