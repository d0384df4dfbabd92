import { type Runtime, ServiceUnavailableError } from '@perfanalysis/platform';
import { DEFAULT_TUNING, LiveFeed, type LiveRequest, type LiveTuning } from './liveFeed.js';

/**
 * The live views of one metrics process: tells each about outages of the pub/sub transport
 * (Redis), so that they catch up from storage when it returns, or end resumably.
 */
export class LiveHub {
  private readonly feeds = new Set<LiveFeed>();
  private readonly stopListening: () => void;

  constructor(
    private readonly runtime: Runtime,
    private readonly tuning: LiveTuning = DEFAULT_TUNING,
  ) {
    this.stopListening =
      runtime.pubsub.onStatus?.((status) => {
        runtime.logger.warn({ status, views: this.feeds.size }, status === 'down' ? 'live delivery interrupted' : 'live delivery resumed');
        for (const feed of this.feeds) {
          if (status === 'down') feed.pubsubDown();
          else feed.pubsubUp();
        }
      }) ?? (() => undefined);
  }

  get open(): number {
    return this.feeds.size;
  }

  feed(request: LiveRequest): LiveFeed {
    const { config, pubsub, logger } = this.runtime;
    const feed = new LiveFeed({ pubsub, logger, limits: config.live, tuning: this.tuning }, request);
    this.feeds.add(feed);
    feed.onEnd = () => this.feeds.delete(feed);
    return feed;
  }

  /** Ends every view with a resumable error (service stopping), and gives the errors a moment to be sent. */
  async close(): Promise<void> {
    this.stopListening();
    if (this.feeds.size === 0) return;
    for (const feed of [...this.feeds])
      feed.fail(new ServiceUnavailableError('This metrics service is stopping; resubscribe with `since`.'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const hubs = new WeakMap<Runtime, LiveHub>();

/** The hub of a runtime (one per process; tests run several runtimes side by side). */
export function liveHubOf(runtime: Runtime): LiveHub {
  let hub = hubs.get(runtime);
  if (!hub) hubs.set(runtime, (hub = new LiveHub(runtime)));
  return hub;
}

/** Forgets a runtime's hub after closing it. */
export async function closeLiveHub(runtime: Runtime): Promise<void> {
  const hub = hubs.get(runtime);
  hubs.delete(runtime);
  await hub?.close();
}
