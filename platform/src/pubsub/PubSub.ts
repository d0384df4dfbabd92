export type MessageHandler = (message: string) => void;
export type Unsubscribe = () => Promise<void>;
/** 'down': delivery stopped (messages may be lost); 'up': delivery resumed, every channel subscribed again. */
export type PubSubStatus = 'up' | 'down';

/**
 * Fan-out of messages by channel name. Two adapters implement it: in-process (one process,
 * embedded default) and Redis (any number of replicas). Both pass the same contract suite.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live: a message published afterwards is delivered. */
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  /** Health probe: resolves when the transport answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Transports that can lose messages (Redis) report outages, so that live views can catch up from storage. */
  onStatus?(listener: (status: PubSubStatus) => void): () => void;
}
