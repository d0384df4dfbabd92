import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import {
  closeWithError,
  IDENTITY_HEADER,
  type Logger,
  type RequestIdentity,
  RequestTimeoutError,
  signIdentity,
} from '@perfanalysis/platform';
import type { GraphQLFormattedError } from 'graphql';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ClientStream, WriteBatcher } from './clientStream.js';
import { CachingDataSource, createEventResolver, planEventResolver, ResponseCache, type ResolvedEvent } from './eventResolver.js';
import { LiveEvent, type ResolvedPayload } from './liveEvent.js';
import type { LiveMetrics } from './liveMetrics.js';
import type { PlannedSubscription, PlanSchemas } from './livePlanner.js';

export interface UpstreamHubOptions {
  /** Where each subgraph answers HTTP (`http://host:port/graphql`); its graphql-ws is the same URL as ws://. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** One data source per subgraph (signing the identity), for the per-event fetches of other subgraphs' fields. */
  readonly dataSources: Readonly<Record<string, GraphQLDataSource>>;
  readonly internalSecret: string;
  readonly metrics: LiveMetrics;
  readonly logger: Logger;
  /** Events buffered per client before the oldest are dropped. */
  readonly clientBuffer: number;
  /** How long events gather before each client's write (ms; 0: at once). */
  readonly flushMs: number;
  /** How long answers of other subgraphs are reused per scope (ms; 0: never). */
  readonly entityCacheMs: number;
}

/** Events resolving at once in one view beyond which the view ends (resumably): a subgraph is stalled. */
const MAX_IN_FLIGHT = 1_000;
/** A keep-alive ping unanswered this long closes the upstream connection. */
const PONG_TIMEOUT_MS = 5_000;

/**
 * Who may share an upstream: the same tenant with the same authority. Users share by role
 * (what a subgraph answers depends on tenant and role, not on the person); an API key only
 * with itself.
 */
export function scopeOf(identity: RequestIdentity): string {
  const { principal, tenant } = identity;
  const who = !principal ? 'anonymous' : principal.kind === 'user' ? `role:${principal.role ?? '-'}` : `collector:${principal.collectorId}`;
  return `${tenant?.id ?? '-'}|${who}`;
}

/** JSON with sorted keys: equal values, equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function serviceUnavailable(client: ClientStream, message: string): GraphQLFormattedError[] {
  return [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, resumeFrom: client.resumeFrom() } }];
}

/** A graphql-ws connection to one subgraph for one scope, carrying every upstream of that scope. */
interface Connection {
  readonly key: string;
  readonly client: Client;
  users: number;
}

/** Clients asking the same document with the same variables: resolved once per event, fanned out. */
class View {
  readonly clients = new Set<ClientStream>();
  private tail: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private ended = false;

  get isEnded(): boolean {
    return this.ended;
  }

  constructor(
    readonly key: string,
    private readonly resolve: (event: FormattedExecutionResult) => Promise<ResolvedEvent>,
    private readonly format: (error: unknown) => GraphQLFormattedError,
    private readonly metrics: LiveMetrics,
    private readonly logger: Logger,
  ) {}

  onEvent(event: FormattedExecutionResult, resumeFrom: string | undefined): void {
    if (this.ended) return;
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.end((client) => serviceUnavailable(client, 'Live payloads cannot be resolved fast enough; resubscribe with `since`.'));
      return;
    }
    this.inFlight += 1;
    const started = process.hrtime.bigint();
    // Resolution runs concurrently; delivery keeps the upstream order.
    const resolved = this.resolve(event).then(
      (result): ResolvedPayload => ({
        ...(result.data !== undefined && { data: result.data }),
        ...(result.errors?.length && { errors: result.errors.map(this.format) }),
      }),
      (error: unknown): ResolvedPayload => {
        this.logger.error({ err: error }, 'live event could not be resolved');
        return { data: null, errors: [this.format(error)] };
      },
    );
    this.tail = this.tail
      .then(() => resolved)
      .then((result) => {
        this.inFlight -= 1;
        this.metrics.processing.observe(Number(process.hrtime.bigint() - started) / 1e9);
        // Serialised once for the whole view; each client only splices in its subscription id.
        const live = new LiveEvent(result, resumeFrom);
        for (const client of this.clients) client.push(live);
      });
  }

  /** Ends every client after the events already on their way. */
  end(errorsFor?: (client: ClientStream) => readonly GraphQLFormattedError[] | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.tail = this.tail.then(() => {
      for (const client of [...this.clients]) client.end(errorsFor?.(client));
    });
  }
}

/** One subscription towards the subgraph owning the root field, shared by identical client subscriptions. */
class Upstream {
  readonly views = new Map<string, View>();
  private unsubscribe: (() => void) | undefined;
  private finished = false;

  constructor(
    readonly key: string,
    readonly connection: Connection,
    private readonly hub: UpstreamHub,
  ) {}

  start(plan: PlannedSubscription): void {
    this.unsubscribe = this.connection.client.subscribe(
      { query: plan.primary.operation, operationName: plan.primary.operationName, variables: plan.primaryVariables },
      {
        next: (event: FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>) => {
          const resumeFrom = event.extensions?.resumeFrom;
          for (const view of this.views.values()) view.onEvent(event, typeof resumeFrom === 'string' ? resumeFrom : undefined);
        },
        error: (error: unknown) => {
          this.finish();
          if (Array.isArray(error)) {
            // The subgraph ended the subscription with GraphQL errors (typed; a live failure carries resumeFrom).
            const errors = (error as GraphQLFormattedError[]).map((e) => this.hub.formatUpstreamError(e));
            for (const view of this.views.values()) view.end(() => errors);
          } else {
            this.hub.logger.warn({ err: error, upstream: this.connection.key }, 'upstream subscription lost');
            for (const view of this.views.values()) {
              view.end((client) =>
                serviceUnavailable(client, 'Live delivery was interrupted; resubscribe with `since` set to resumeFrom.'),
              );
            }
          }
        },
        complete: () => {
          this.finish();
          for (const view of this.views.values()) view.end();
        },
      },
    );
  }

  leave(view: View): void {
    if (view.clients.size > 0) return;
    if (this.views.get(view.key) === view) this.views.delete(view.key);
    if (this.views.size > 0 || this.finished) return;
    this.unsubscribe?.();
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.hub.release(this);
  }
}

/**
 * The gateway's upstream subscriptions. A client subscription joins the upstream of its scope,
 * subgraph, primary operation and variables (one per distinct key, reference-counted, closed
 * when its last client leaves), and within it the view of its exact document and variables.
 * A subscription replaying history (`since`) gets an upstream of its own.
 */
export class UpstreamHub {
  private readonly upstreams = new Map<string, Upstream>();
  private readonly connections = new Map<string, Connection>();
  private readonly cache: ResponseCache;
  private readonly batcher: WriteBatcher;
  readonly logger: Logger;

  constructor(
    private readonly options: UpstreamHubOptions,
    private readonly format: (error: unknown) => GraphQLFormattedError,
  ) {
    this.logger = options.logger;
    this.cache = new ResponseCache(options.entityCacheMs);
    this.batcher = new WriteBatcher(options.flushMs);
  }

  get upstreamCount(): number {
    return this.upstreams.size;
  }

  formatUpstreamError(error: GraphQLFormattedError): GraphQLFormattedError {
    return this.format(error);
  }

  /** A client stream for this planned subscription, on a shared upstream when one matches. */
  join(identity: RequestIdentity, plan: PlannedSubscription, schemas: PlanSchemas, since: string | undefined): ClientStream {
    const scope = scopeOf(identity);
    const service = plan.primary.serviceName;
    // The operation's name does not matter for sharing (two dashboards naming it differently share).
    const operation = plan.primary.operation.replace(/^subscription\s+[_A-Za-z][_0-9A-Za-z]*/, 'subscription');
    const sharedKey = `${service}\n${scope}\n${operation}\n${stableJson(plan.primaryVariables)}`;
    const key = plan.shareable ? sharedKey : `${sharedKey}\n${randomUUID()}`;
    let upstream = this.upstreams.get(key);
    if (!upstream) {
      upstream = new Upstream(key, this.connection(service, scope, identity), this);
      this.upstreams.set(key, upstream);
      this.options.metrics.upstreams.inc();
      upstream.start(plan);
    }
    const viewKey = `${plan.operationName ?? ''}\n${plan.text}\n${stableJson(plan.variables)}`;
    let view = upstream.views.get(viewKey);
    if (!view || view.isEnded) {
      const services = this.servicesFor(scope);
      const resolve = createEventResolver(plan, schemas, planEventResolver(plan, schemas, services, identity, this.logger));
      view = new View(viewKey, resolve, this.format, this.options.metrics, this.logger);
      upstream.views.set(viewKey, view);
    }
    const client = new ClientStream(this.options.clientBuffer, this.options.metrics, { since, joinedAt: Date.now() }, this.batcher);
    view.clients.add(client);
    const joinedView = view;
    const joinedUpstream = upstream;
    client.onClose = () => {
      joinedView.clients.delete(client);
      joinedUpstream.leave(joinedView);
    };
    return client;
  }

  /** Called by an upstream when it ended (error, completion or last client gone). */
  release(upstream: Upstream): void {
    if (this.upstreams.get(upstream.key) !== upstream) return;
    this.upstreams.delete(upstream.key);
    this.options.metrics.upstreams.dec();
    const connection = upstream.connection;
    connection.users -= 1;
    if (connection.users === 0 && this.connections.get(connection.key) === connection) {
      this.connections.delete(connection.key);
      void this.dispose(connection);
    }
  }

  async close(): Promise<void> {
    const connections = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(connections.map((c) => this.dispose(c)));
  }

  /**
   * graphql-ws's dispose() waits for a connection still being made and rejects with its close or
   * error event when it never comes up (the subgraph died or hung before acknowledging). Its
   * subscriptions already ended through their sinks; unhandled, the rejection killed the gateway
   * (the metrics-kill drill, docs/live.md "When the metrics process dies").
   */
  private async dispose(connection: Connection): Promise<void> {
    try {
      await connection.client.dispose();
    } catch (error) {
      this.logger.debug({ err: error, upstream: connection.key }, 'upstream connection ended before it was established');
    }
  }

  private servicesFor(scope: string): ServiceMap {
    return Object.fromEntries(
      Object.entries(this.options.dataSources).map(([name, source]) => [
        name,
        new CachingDataSource(source, `${scope}\n${name}`, this.cache),
      ]),
    );
  }

  private connection(service: string, scope: string, identity: RequestIdentity): Connection {
    const key = `${service}\n${scope}`;
    let connection = this.connections.get(key);
    if (!connection) {
      const url = this.options.subgraphUrls[service];
      if (!url) throw new Error(`no URL for subgraph ${service}`);
      const { internalSecret } = this.options;
      let socket: WebSocket | undefined;
      let pongTimer: NodeJS.Timeout | undefined;
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        lazyCloseTimeout: 0,
        // A lost upstream ends its clients' subscriptions resumably; retrying with the same
        // variables would replay `since` again or hide a gap.
        retryAttempts: 0,
        keepAlive: 10_000,
        connectionAckWaitTimeout: 10_000,
        // Signed at each (re)connection: the subgraph verifies it as it verifies the HTTP header.
        connectionParams: () => ({ [IDENTITY_HEADER]: signIdentity(identity, internalSecret) }),
        on: {
          opened: (opened) => (socket = opened as WebSocket),
          ping: (received) => {
            if (received) return;
            // A subgraph that stopped answering pings: closed as REQUEST_TIMEOUT (4408, docs/errors.md).
            const silent = () => socket?.readyState === WebSocket.OPEN && closeWithError(socket, new RequestTimeoutError());
            pongTimer = setTimeout(silent, PONG_TIMEOUT_MS);
          },
          pong: (received) => received && clearTimeout(pongTimer),
          closed: () => clearTimeout(pongTimer),
        },
      });
      connection = { key, client, users: 0 };
      this.connections.set(key, connection);
    }
    connection.users += 1;
    return connection;
  }
}
