import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const QUERY =
  'subscription DrillView($ids: [ID!], $since: DateTimeISO) { livePoints(collectorIds: $ids, since: $since, groups: [MEMORY]) { timestamp collector { id } } }';

/** Wait before resubscribing after a view ended, doubling while it keeps failing (the metrics service may still be coming back). */
const RESUBSCRIBE_MS = 250;
const RESUBSCRIBE_MAX_MS = 2_000;

type LivePoint = { livePoints: { timestamp: string; collector: { id: string } } };

/**
 * A dashboard following `livePoints` as the README's "Live subscriptions" tells a client to:
 * it keeps the last `extensions.resumeFrom`, and when the view ends (SERVICE_UNAVAILABLE while a
 * metrics process is gone) it resubscribes with `since` set to it, on the same socket, until
 * closed. It counts every (collector, timestamp) it receives.
 */
export class ResumingView {
  /** `collectorId:timestamp ms` → times received. */
  readonly received = new Map<string, number>();
  /** Subscriptions that ended with an error and were resumed (attempts while the service was still down included). */
  resumes = 0;
  /** Endings with an error not marked `retryable` (the dashboard would stop there, not resume). */
  unresumable = 0;
  private failedInARow = 0;
  private readonly client: Client;
  private since: string;
  private closed = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    gatewayUrl: string,
    token: string,
    /** Collectors followed; undefined: the whole tenant. */
    readonly collectorIds: readonly string[] | undefined,
    since: Date,
  ) {
    this.since = since.toISOString();
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: () => new Promise((r) => setTimeout(r, RESUBSCRIBE_MS)),
      connectionParams: { authorization: `Bearer ${token}` },
      onNonLazyError: () => undefined,
    });
    this.follow();
  }

  private follow(): void {
    if (this.closed) return;
    this.unsubscribe = this.client.subscribe<LivePoint, { resumeFrom?: unknown }>(
      { query: QUERY, variables: { ids: this.collectorIds, since: this.since } },
      {
        next: ({ data, extensions }) => {
          if (typeof extensions?.resumeFrom === 'string') this.since = extensions.resumeFrom;
          if (!data) return;
          this.failedInARow = 0;
          const key = `${data.livePoints.collector.id}:${Date.parse(data.livePoints.timestamp)}`;
          this.received.set(key, (this.received.get(key) ?? 0) + 1);
        },
        error: (error: unknown) => {
          const errors = Array.isArray(error) ? (error as { extensions?: { resumeFrom?: unknown; retryable?: unknown } }[]) : [];
          if (!errors.every((e) => e.extensions?.retryable === true)) this.unresumable += 1;
          const resumeFrom = errors[0]?.extensions?.resumeFrom;
          if (typeof resumeFrom === 'string') this.since = resumeFrom;
          this.resumes += 1;
          this.failedInARow += 1;
          setTimeout(() => this.follow(), Math.min(RESUBSCRIBE_MAX_MS, RESUBSCRIBE_MS * 2 ** (this.failedInARow - 1)));
        },
        complete: () => undefined,
      },
    );
  }

  /** What this view missed of `produced` (collector id → timestamps) and how many it got twice. */
  gaps(produced: ReadonlyMap<string, readonly number[]>): { expected: number; missing: number; duplicates: number } {
    let expected = 0;
    let missing = 0;
    for (const [id, timestamps] of produced) {
      if (this.collectorIds && !this.collectorIds.includes(id)) continue;
      expected += timestamps.length;
      missing += timestamps.filter((t) => !this.received.has(`${id}:${t}`)).length;
    }
    const duplicates = [...this.received.values()].reduce((sum, n) => sum + n - 1, 0);
    return { expected, missing, duplicates };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.client.dispose();
  }
}
