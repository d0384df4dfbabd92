import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import { createFormatError } from '../errors/formatError.js';
import { healthRouter, type ReadinessCheck } from '../http/health.js';
import { jsonErrorHandler } from '../http/jsonErrorHandler.js';
import { listenOn } from '../http/listenOn.js';
import { createServiceMetrics, metricsPlugin, metricsRouter, type ServiceMetrics } from '../http/promMetrics.js';
import type { Runtime } from '../runtime.js';
import { createContext, readIdentity, type SubgraphContext } from './context.js';
import type { DirectOperation } from './directOperation.js';
import { OPERATION_BATCH_PATH, operationBatchRoute, TRICKLE_BATCH_MAX_BYTES } from './operationBatch.js';

export interface SubgraphServerOptions {
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly runtime: Runtime;
  /** Extra routes mounted before /graphql (e.g. REST compatibility, downloads). */
  readonly routes?: (app: Express, server: Server) => void;
  /** Middleware run on /graphql before Apollo (e.g. multipart uploads). */
  readonly graphqlMiddleware?: express.RequestHandler[];
  readonly plugins?: ApolloServerPlugin<SubgraphContext>[];
  /** Called once listening, e.g. to attach a WebSocket server. */
  readonly onListening?: (server: Server) => void | Promise<void>;
  readonly onStop?: () => Promise<void>;
  /** Serve `POST /internal/operations` (many operations in one request from the gateway, operationBatch.ts). */
  readonly operationBatches?: boolean;
  /** Operations of the batches the subgraph runs itself, without Apollo (directOperation.ts). */
  readonly directOperation?: DirectOperation;
}

/** A running subgraph: `listen(port)` then `stop()`. */
export interface SubgraphServer {
  readonly name: string;
  readonly metrics: ServiceMetrics;
  listen(port: number): Promise<{ port: number; url: string }>;
  stop(): Promise<void>;
}

/** PostgreSQL and the pub/sub transport, really asked. */
export function readinessChecks(runtime: Runtime): Record<string, ReadinessCheck> {
  return { postgres: () => runtime.db.ping(), [runtime.config.redis.url ? 'redis' : 'pubsub-in-process']: () => runtime.pubsub.ping() };
}

/** Every subgraph is this shape: Apollo Server 5 on express, health, readiness, metrics. */
export function createSubgraphServer(options: SubgraphServerOptions): SubgraphServer {
  const { runtime, name } = options;
  const logger = runtime.logger.child({ subgraph: name });
  const metrics = createServiceMetrics(name);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const production = runtime.config.nodeEnv === 'production';
  const formatError = createFormatError({ production, logger });
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    introspection: !production,
    // The process stops in order (launcher/src/shutdown.ts: WebSockets first, then Apollo). Apollo's own
    // SIGTERM handler ran beside it: its drain ended the upgraded sockets under ws ("write after end").
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces would go to Apollo's cloud; we export Prometheus metrics instead.
      ApolloServerPluginInlineTraceDisabled(),
      metricsPlugin(metrics),
      ...(options.plugins ?? []),
    ],
  });
  app.use(healthRouter(name, readinessChecks(runtime)));
  app.use(metricsRouter(metrics, runtime));

  return {
    name,
    metrics,
    async listen(port) {
      await apollo.start();
      options.routes?.(app, httpServer);
      if (options.operationBatches) {
        // Room for a full batch of the largest operations a client may send.
        const maxBytes = runtime.config.limits.requestMaxBytes + TRICKLE_BATCH_MAX_BYTES;
        const batchOptions = { maxBytes, formatError, metrics, direct: options.directOperation };
        app.post(OPERATION_BATCH_PATH, ...operationBatchRoute(apollo, runtime, logger, batchOptions));
      }
      app.use(
        '/graphql',
        ...(options.graphqlMiddleware ?? []),
        express.json({ limit: runtime.config.limits.requestMaxBytes }),
        expressMiddleware(apollo, {
          context: async ({ req }: { req: Request }) => createContext(runtime, readIdentity(req, runtime.secrets.internalSecret), logger),
        }),
      );
      app.use(jsonErrorHandler(logger));
      const listening = await listenOn(httpServer, port, runtime.config.bind.subgraphs);
      await options.onListening?.(httpServer);
      logger.info({ port: listening.port, address: runtime.config.bind.subgraphs }, 'subgraph listening');
      return listening;
    },
    async stop() {
      await options.onStop?.();
      await apollo.stop();
      httpServer.closeAllConnections();
    },
  };
}
