import { subscribeWithResume } from '@perfanalysis/sdk';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const QUERY =
  'subscription DrillView($ids: [ID!], $since: DateTimeISO) { livePoints(collectorIds: $ids, since: $since, groups: [MEMORY]) { timestamp collector { id } } }';

/** Wait before resubscribing after a view ended (the metrics service may still be coming back). */
const RESUBSCRIBE_MS = 250;

type LivePoint = { livePoints: { timestamp: string; collector: { id: string } } };

/**
 * A dashboard following `livePoints` with the dashboard's own resume logic (`subscribeWithResume`
 * of the SDK): `since` follows `extensions.resumeFrom`, and a view the server ends as retryable
 * (SERVICE_UNAVAILABLE while a metrics process is gone) is resubscribed from there. It counts
 * every (collector, timestamp) it receives.
 */
export class ResumingView {
  /** `collectorId:timestamp ms` → times received. */
  readonly received = new Map<string, number>();
  /** Subscriptions started after the first: each view that ended and was resumed (attempts while the service was down included). */
  resumes = 0;
  /** Errors that stopped the view instead of resuming it (not retryable). */
  readonly refusals: string[] = [];
  private readonly client: Client;
  private readonly unsubscribe: () => void;

  constructor(
    gatewayUrl: string,
    token: string,
    /** Collectors followed; undefined: the whole tenant. */
    readonly collectorIds: readonly string[] | undefined,
    since: Date,
  ) {
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: () => new Promise((r) => setTimeout(r, RESUBSCRIBE_MS)),
      connectionParams: { authorization: `Bearer ${token}` },
      onNonLazyError: () => undefined,
    });
    let started = 0;
    const counted: Pick<Client, 'subscribe'> = {
      subscribe: (payload, sink) => {
        if (started++ > 0) this.resumes += 1;
        return this.client.subscribe(payload, sink);
      },
    };
    this.unsubscribe = subscribeWithResume<LivePoint>({
      client: counted,
      query: QUERY,
      variables: { ids: collectorIds, since: since.toISOString() },
      timestampOf: (data) => data.livePoints.timestamp,
      onData: (data) => {
        const key = `${data.livePoints.collector.id}:${Date.parse(data.livePoints.timestamp)}`;
        this.received.set(key, (this.received.get(key) ?? 0) + 1);
      },
      onErrors: (errors) => this.refusals.push(...errors.map((e) => String(e.extensions?.code ?? e.message))),
      resubscribeDelayMs: RESUBSCRIBE_MS,
    });
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
    this.unsubscribe();
    await this.client.dispose();
  }
}
