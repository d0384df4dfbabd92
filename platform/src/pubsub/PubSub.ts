export type MessageHandler = (message: string) => void;
export type Unsubscribe = () => Promise<void>;

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
}
