import type { PubSub } from '@perfanalysis/platform';

/** At most this many events wait for a slow subscriber; beyond, the oldest are dropped. */
const BUFFER = 1_000;

/**
 * A pub/sub channel as a GraphQL source stream: resolves once the subscription is live, and
 * unsubscribes when the client goes away (`return()`).
 */
export async function subscribeChannel<T>(pubsub: PubSub, channel: string, decode: (text: string) => T): Promise<AsyncIterableIterator<T>> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const unsubscribe = await pubsub.subscribe(channel, (text) => {
    if (done) return;
    let value: T;
    try {
      value = decode(text);
    } catch {
      return;
    }
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value, done: false });
    } else {
      queue.push(value);
      if (queue.length > BUFFER) queue.shift();
    }
  });
  const finish = async (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (error?: unknown) => {
      await finish();
      throw error;
    },
  };
  return iterator;
}
