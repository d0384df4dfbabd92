import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: one server, or any node of a Redis Cluster (the rest is discovered). */
export interface RedisTarget {
  readonly url: string;
  /** The URL names a seed node of a Redis Cluster. @default false */
  readonly cluster?: boolean;
}

/** What the platform uses of a connection: the commands both shapes share. */
export type RedisConnection = Redis | Cluster;

/**
 * Opens a connection of the right shape for the target. Every caller uses single-key commands
 * only, so both shapes serve the same code; on a cluster, pub/sub is sharded (one subscriber
 * connection per master, `shardedSubscribers`). See docs/topologies.md.
 */
export function connectRedis(target: RedisTarget, options: RedisOptions, shardedSubscribers = false): RedisConnection {
  if (!target.cluster) return new Redis(target.url, options);
  const url = new URL(target.url);
  const { connectionName, maxRetriesPerRequest, enableOfflineQueue, ...rest } = options;
  return new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
    enableOfflineQueue,
    shardedSubscribers,
    redisOptions: {
      ...rest,
      connectionName,
      maxRetriesPerRequest,
      ...(url.username && { username: decodeURIComponent(url.username) }),
      ...(url.password && { password: decodeURIComponent(url.password) }),
      ...(url.protocol === 'rediss:' && { tls: {} }),
    },
  });
}
