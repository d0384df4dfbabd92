import type { ApolloGateway } from '@apollo/gateway';
import { AppError, createFormatError, type Logger, type RequestIdentity, type Runtime } from '@perfanalysis/platform';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Registry } from 'prom-client';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Authenticator, PresentedCredentials } from '../auth/authenticateRequest.js';
import { AuthenticatedDataSource } from '../authenticatedDataSource.js';
import type { ClientStream } from './clientStream.js';
import { createLiveMetrics, type LiveMetrics } from './liveMetrics.js';
import { LivePlanner, SubscriptionRefused } from './livePlanner.js';
import { UpstreamHub } from './upstreamHub.js';

/** graphql-ws close codes (the protocol's conventions, plus 1013 "try again later"). */
export const CLOSE_CODES = { unauthorized: 4401, forbidden: 4403, tryAgainLater: 1013 } as const;

/** Subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;

export interface LiveGatewayOptions {
  readonly gateway: ApolloGateway;
  readonly runtime: Runtime;
  readonly authenticator: Authenticator;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly registry: Registry;
  readonly logger: Logger;
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
} & Record<PropertyKey, unknown>;

interface LiveContext {
  readonly stream: ClientStream;
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const key = Object.keys(params).find((k) => k.toLowerCase() === 'authorization');
  const value = key ? params[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function closeCodeOf(error: unknown): number {
  if (error instanceof AppError) return error.code === 'FORBIDDEN' ? CLOSE_CODES.forbidden : CLOSE_CODES.unauthorized;
  return CLOSE_CODES.tryAgainLater;
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
      entityCacheMs: runtime.config.live.entityCacheMs,
    },
    format,
  );
  const reauthenticateMs = runtime.config.live.reauthMs;

  let source: { apiSchema: GraphQLSchema; sdl: string } | undefined;
  let planner: LivePlanner | undefined;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    source = { apiSchema, sdl: coreSupergraphSdl };
    planner = undefined;
  });
  const currentPlanner = (): LivePlanner => {
    if (!source)
      throw new SubscriptionRefused([
        new GraphQLError('The gateway is starting; retry shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);
    planner ??= new LivePlanner(source.apiSchema, source.sdl);
    return planner;
  };

  /** Ends every subscription of a connection whose credentials stopped working (resumably), then closes it. */
  const evict = (socket: WebSocket, streams: Set<ClientStream>, error: AppError) => {
    for (const stream of streams)
      stream.end([{ message: error.message, extensions: { code: error.code, resumeFrom: stream.resumeFrom() } }]);
    const close = () => socket.close(closeCodeOf(error), error.code === 'FORBIDDEN' ? 'Forbidden' : 'Unauthorized');
    setTimeout(close, 100).unref();
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let attachedTo: Server | undefined;
  let disposable: { dispose(): void | Promise<void> } | undefined;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/graphql') return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
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
              ip: request.socket.remoteAddress ?? 'unknown',
            };
            try {
              const identity = await authenticator.authenticate(credentials);
              if (!identity.principal) {
                socket.close(CLOSE_CODES.unauthorized, 'Unauthorized');
                return false;
              }
              ctx.extra.identity = identity;
              ctx.extra.credentials = credentials;
              ctx.extra.streams = new Set();
              metrics.connections.inc();
              ctx.extra.recheck = setInterval(() => {
                authenticator.authenticate(credentials).then(
                  (fresh) => (ctx.extra.identity = fresh),
                  (error: unknown) => {
                    if (error instanceof AppError && error.code !== 'SERVICE_UNAVAILABLE') evict(socket, ctx.extra.streams!, error);
                  },
                );
              }, reauthenticateMs);
              ctx.extra.recheck.unref();
              return true;
            } catch (error) {
              if (!(error instanceof AppError)) logger.warn({ err: error }, 'graphql-ws authentication unavailable');
              socket.close(closeCodeOf(error), error instanceof AppError && error.code === 'FORBIDDEN' ? 'Forbidden' : 'Unauthorized');
              return false;
            }
          },
          onSubscribe: (ctx, _id, payload) => {
            const { identity, streams } = ctx.extra;
            try {
              if (!identity || !streams)
                throw new SubscriptionRefused([new GraphQLError('Not authenticated.', { extensions: { code: 'UNAUTHENTICATED' } })]);
              if (streams.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
                const message = `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`;
                throw new SubscriptionRefused([new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })]);
              }
              const current = currentPlanner();
              const plan = current.plan(payload.query, payload.operationName ?? undefined, payload.variables ?? undefined);
              const stream = hub.join(identity, plan, current.schemas, typeof plan.since === 'string' ? plan.since : undefined);
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
          // Yields formatted payloads (see onNext), which graphql-ws sends as they are.
          subscribe: (args) => (args.contextValue as LiveContext).stream as unknown as AsyncIterable<ExecutionResult>,
          // Payloads are formatted already (errors of every subgraph went through the formatter).
          onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
          onError: (_ctx, _id, _payload, errors) => errors.map(format),
          onClose: (ctx) => {
            clearInterval(ctx.extra.recheck);
            if (ctx.extra.streams) metrics.connections.dec();
            for (const stream of ctx.extra.streams ?? []) void stream.return();
          },
        },
        wss,
      );
    },
    async close() {
      attachedTo?.off('upgrade', onUpgrade);
      await disposable?.dispose();
      await hub.close();
    },
  };
}
