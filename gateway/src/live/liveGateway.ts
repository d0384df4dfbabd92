import type { ApolloGateway } from '@apollo/gateway';
import {
  AppError,
  BadRequestError,
  closeWithError,
  createFormatError,
  type Logger,
  RateLimitedError,
  type RequestIdentity,
  type Runtime,
  ServiceUnavailableError,
  UnauthenticatedError,
  WS_CLOSE,
} from '@perfanalysis/platform';
import { execute, getOperationAST, GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Registry } from 'prom-client';
import { type WebSocket, WebSocketServer } from 'ws';
import type { KeyChange, KeyChangeListener } from '../auth/apiKeyCache.js';
import type { Authenticator, PresentedCredentials } from '../auth/authenticateRequest.js';
import { authenticationRefusal } from '../auth/authenticationRefusal.js';
import type { TrickleForwarder } from '../forward/trickleForwarder.js';
import { AuthenticatedDataSource } from '../authenticatedDataSource.js';
import type { ClientStream } from './clientStream.js';
import { clientAddress } from '../limits/clientAddress.js';
import type { GatewayRateLimiter } from '../limits/GatewayRateLimiter.js';
import { type OperationLimits, operationValidationRules } from '../limits/operationLimits.js';
import { rateLimitKey } from '../limits/rateLimitRules.js';
import { createLiveMetrics, type LiveMetrics } from './liveMetrics.js';
import { LivePlanner, SubscriptionRefused } from './livePlanner.js';
import { outboxOf } from './socketOutbox.js';
import { assertChannelMutation, sendChannelTrickle } from './trickleChannel.js';
import { UpstreamHub } from './upstreamHub.js';

/** Subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;

export interface LiveGatewayOptions {
  readonly gateway: ApolloGateway;
  readonly runtime: Runtime;
  readonly authenticator: Authenticator;
  /** Announced API-key changes: connections holding a changed key are re-checked at once. */
  readonly keyChanges: { onChange(listener: KeyChangeListener): () => void };
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly registry: Registry;
  readonly logger: Logger;
  /** Carries the agent channel's `tricklePoints` messages to the metrics subgraph (shared with the HTTP fast path). */
  readonly trickles: TrickleForwarder;
  /** Connection attempts are charged to the caller's `wsConnect` budget. */
  readonly rateLimiter?: GatewayRateLimiter;
  /** The same document limits as HTTP. */
  readonly operationLimits?: OperationLimits;
}

export interface LiveGateway {
  /** Serves graphql-ws on the gateway's `/graphql` (the HTTP server's upgrade requests). */
  attach(server: Server): void;
  close(): Promise<void>;
  readonly metrics: LiveMetrics;
}

type ConnectionExtra = {
  identity?: RequestIdentity;
  credentials?: PresentedCredentials;
  streams?: Set<ClientStream>;
  recheck?: NodeJS.Timeout;
  holder?: KeyHolder;
} & Record<PropertyKey, unknown>;

/** A connection authenticated with an API key, re-checked when a change names its key. */
interface KeyHolder {
  readonly tenantId: string | undefined;
  readonly collectorId: string;
  readonly recheck: () => void;
}

function holds(holder: KeyHolder, change: KeyChange): boolean {
  if (change === 'all') return true;
  return holder.tenantId === change.tenantId && (!change.collectorId || change.collectorId === holder.collectorId);
}

interface LiveContext {
  readonly stream?: ClientStream;
  /** A `tricklePoints` message of the agent channel: its answer, instead of executing the document. */
  readonly send?: () => Promise<FormattedExecutionResult>;
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  const value = key ? params[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Live subscriptions on the gateway's own endpoint: graphql-ws on `/graphql` next to HTTP POST.
 * The connection authenticates with `connectionParams.authorization` (`Bearer <access token or
 * API key>`) through the gateway's authenticator; each subscription is validated against the
 * gateway's API schema, planned over the supergraph, and forwarded with a graphql-ws client to
 * the owning subgraph, identity signed into `connectionParams` (see UpstreamHub).
 */
export function createLiveGateway(options: LiveGatewayOptions): LiveGateway {
  const { runtime, authenticator } = options;
  const logger = options.logger.child({ transport: 'graphql-ws' });
  const production = runtime.config.nodeEnv === 'production';
  const formatError = createFormatError({ production, logger });
  const format = (error: unknown): GraphQLFormattedError => {
    if (error instanceof GraphQLError) return formatError(error.toJSON(), error);
    if (error && typeof error === 'object' && 'message' in error) {
      const formatted = error as GraphQLFormattedError;
      // Already formatted by a subgraph: keep its code (and its safe message when the code is known).
      return formatError(formatted, new GraphQLError(formatted.message, { extensions: formatted.extensions }));
    }
    return formatError({ message: String(error) }, error);
  };
  const metrics = createLiveMetrics(options.registry);
  const hub = new UpstreamHub(
    {
      subgraphUrls: options.subgraphUrls,
      // Per-event fetches of other subgraphs' fields go out like the gateway's own (identity signed).
      dataSources: Object.fromEntries(
        Object.entries(options.subgraphUrls).map(([name, url]) => [name, new AuthenticatedDataSource(url, runtime.secrets.internalSecret)]),
      ),
      internalSecret: runtime.secrets.internalSecret,
      metrics,
      logger,
      clientBuffer: runtime.config.live.clientBuffer,
      flushMs: runtime.config.live.flushMs,
      entityCacheMs: runtime.config.live.entityCacheMs,
    },
    format,
  );
  const reauthenticateMs = runtime.config.live.reauthMs;
  // Key connections are re-checked when a change names their key (docs/agent-channel.md), not by polling.
  const keyHolders = new Set<KeyHolder>();
  const stopHearingKeys = options.keyChanges.onChange((change) => {
    for (const holder of keyHolders) if (holds(holder, change)) holder.recheck();
  });

  let source: { apiSchema: GraphQLSchema; sdl: string } | undefined;
  let planner: LivePlanner | undefined;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    source = { apiSchema, sdl: coreSupergraphSdl };
    planner = undefined;
  });
  const currentPlanner = (): LivePlanner => {
    if (!source)
      throw new SubscriptionRefused([new ServiceUnavailableError('The gateway is starting; retry shortly.', { retryable: true })]);
    planner ??= new LivePlanner(
      source.apiSchema,
      source.sdl,
      options.operationLimits && {
        rules: operationValidationRules(options.operationLimits),
        maxTokens: options.operationLimits.maxTokens,
        hideSchemaDetails: production,
      },
    );
    return planner;
  };

  /** Ends every subscription of a connection whose credentials stopped working (resumably), then closes it. */
  const evict = (socket: WebSocket, streams: Set<ClientStream>, error: AppError) => {
    for (const stream of streams)
      stream.end([{ message: error.message, extensions: { code: error.code, resumeFrom: stream.resumeFrom() } }]);
    setTimeout(() => closeWithError(socket, error), 100).unref();
  };

  const { limits } = runtime.config;
  // Larger messages close the socket with 1009 (ws); a flood of messages closes it with 1008 (docs/errors.md).
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.wsMaxMessageBytes });
  const guardFloods = (ws: WebSocket) => {
    let windowStart = Date.now();
    let count = 0;
    const onMessage = () => {
      const now = Date.now();
      if (now - windowStart >= 1_000) {
        windowStart = now;
        count = 0;
      }
      if (++count <= limits.wsMessagesPerSecond) return;
      ws.off('message', onMessage);
      logger.warn({ perSecond: limits.wsMessagesPerSecond }, 'graphql-ws message flood: connection closed');
      ws.close(WS_CLOSE.policyViolation, 'Too many messages');
      // A peer that ignores the close handshake is cut off.
      setTimeout(() => ws.terminate(), 1_000).unref();
    };
    ws.on('message', onMessage);
  };
  let attachedTo: Server | undefined;
  let disposable: { dispose(): void | Promise<void> } | undefined;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/graphql') return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      // graphql-ws's messages of one turn leave as one write (an agent's `next` and `complete`).
      outboxOf(ws);
      guardFloods(ws);
      wss.emit('connection', ws, request);
    });
  };

  /** Closes as RATE_LIMITED (4429) when the caller's connection-attempt budget is spent. */
  const refuseIfLimited = async (socket: WebSocket, key: string): Promise<boolean> => {
    const retryAfter = await options.rateLimiter?.check('wsConnect', key);
    if (retryAfter === undefined) return false;
    closeWithError(socket, new RateLimitedError(retryAfter));
    return true;
  };

  return {
    metrics,
    attach(server) {
      attachedTo = server;
      server.on('upgrade', onUpgrade);
      disposable = useServer<Record<string, unknown>, ConnectionExtra>(
        {
          onConnect: async (ctx) => {
            const { request, socket } = ctx.extra;
            const credentials: PresentedCredentials = {
              authorization: authorizationOf(ctx.connectionParams),
              host: request.headers.host,
              ip: clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], limits.trustedProxies),
            };
            try {
              const identity = await authenticator.authenticate(credentials).catch(async (error: unknown) => {
                // Failed attempts count too (per address): guessing credentials is what this limit is for.
                await refuseIfLimited(socket, rateLimitKey({ principal: null, ip: credentials.ip }));
                throw error;
              });
              if (await refuseIfLimited(socket, rateLimitKey(identity))) return false;
              if (!identity.principal) {
                closeWithError(socket, new UnauthenticatedError());
                return false;
              }
              ctx.extra.identity = identity;
              ctx.extra.credentials = credentials;
              ctx.extra.streams = new Set();
              metrics.connections.inc();
              const recheck = () =>
                void authenticator.authenticate(credentials).then(
                  (fresh) => (ctx.extra.identity = fresh),
                  (error: unknown) => {
                    if (error instanceof AppError && error.code !== 'SERVICE_UNAVAILABLE') evict(socket, ctx.extra.streams!, error);
                  },
                );
              ctx.extra.recheck = setInterval(recheck, reauthenticateMs);
              ctx.extra.recheck.unref();
              if (identity.principal.kind === 'collector') {
                ctx.extra.holder = { tenantId: identity.tenant?.id, collectorId: identity.principal.collectorId, recheck };
                keyHolders.add(ctx.extra.holder);
              }
              return true;
            } catch (error) {
              if (!(error instanceof AppError)) logger.warn({ err: error }, 'graphql-ws authentication unavailable');
              closeWithError(socket, authenticationRefusal(error));
              return false;
            }
          },
          onSubscribe: (ctx, id, payload) => {
            const { identity, streams } = ctx.extra;
            try {
              if (!identity || !streams) throw new SubscriptionRefused([new UnauthenticatedError('Not authenticated.')]);
              if (streams.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
                const message = `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`;
                throw new SubscriptionRefused([new BadRequestError(message)]);
              }
              const current = currentPlanner();
              const document = current.validated(payload.query);
              const operation = getOperationAST(document, payload.operationName ?? undefined);
              if (operation?.operation === 'mutation') {
                assertChannelMutation(operation);
                const context: LiveContext = { send: () => sendChannelTrickle(options.trickles, identity, payload, logger) };
                return { schema: current.apiSchema, document, operationName: payload.operationName, contextValue: context };
              }
              const plan = current.plan(payload.query, payload.operationName ?? undefined, payload.variables ?? undefined);
              const stream = hub.join(identity, plan, current.schemas, typeof plan.since === 'string' ? plan.since : undefined);
              // Raw frames, not graphql-ws's `send` (a serialisation and a stream write per event and client).
              stream.attach(id, (messages, written) => outboxOf(ctx.extra.socket).write(messages, written));
              streams.add(stream);
              const onClose = stream.onClose;
              stream.onClose = () => {
                streams.delete(stream);
                onClose?.();
              };
              const context: LiveContext = { stream };
              return {
                schema: current.apiSchema,
                document: plan.document,
                operationName: plan.operationName,
                variableValues: plan.variables,
                contextValue: context,
              };
            } catch (error) {
              if (error instanceof SubscriptionRefused) return error.errors;
              logger.error({ err: error }, 'subscription could not be started');
              return [new GraphQLError('The subscription could not be started.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
            }
          },
          // The stream writes its events to the socket itself (docs/live.md "Fan-out"); graphql-ws only waits for its end.
          subscribe: (args) => (args.contextValue as LiveContext).stream as unknown as AsyncIterable<ExecutionResult>,
          // Only channel mutations get here (the planner refuses queries): the metrics subgraph answers them.
          execute: async (args) => {
            const send = (args.contextValue as LiveContext).send;
            if (!send) return execute(args);
            const result = await send();
            return (result.errors ? { ...result, errors: result.errors.map(format) } : result) as ExecutionResult;
          },
          // Channel acknowledgements are formatted already (errors of every subgraph went through the formatter).
          onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
          onError: (_ctx, _id, _payload, errors) => errors.map(format),
          onClose: (ctx) => {
            clearInterval(ctx.extra.recheck);
            if (ctx.extra.holder) keyHolders.delete(ctx.extra.holder);
            if (ctx.extra.streams) metrics.connections.dec();
            for (const stream of ctx.extra.streams ?? []) void stream.return();
          },
        },
        wss,
      );
    },
    async close() {
      attachedTo?.off('upgrade', onUpgrade);
      stopHearingKeys();
      await disposable?.dispose();
      await hub.close();
    },
  };
}
