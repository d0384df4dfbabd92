import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  AppError,
  createFormatError,
  createServiceMetrics,
  healthRouter,
  jsonErrorHandler,
  listenOn,
  loadJwtKeys,
  metricsPlugin,
  metricsRouter,
  readinessChecks,
  type Runtime,
  type ServiceName,
  SessionCache,
  withHttpStatus,
} from '@perfanalysis/platform';
import { sessionIsLive } from '@perfanalysis/subgraph-identity/read';
import express from 'express';
import { createServer } from 'node:http';
import { createAuthenticator } from './auth/authenticateRequest.js';
import { authenticationRefusal } from './auth/authenticationRefusal.js';
import { CredentialStore } from './auth/credentialStore.js';
import { AuthenticatedDataSource, type GatewayContext } from './authenticatedDataSource.js';
import { dashboardRouter } from './dashboardStatic.js';
import { credentialsOf } from './credentials.js';
import { createForwarder, subgraphRoutes } from './forward/subgraphRoutes.js';
import { trickleFastPath } from './forward/trickleFastPath.js';
import { TrickleForwarder } from './forward/trickleForwarder.js';
import { apolloHandler } from './http/apolloHttp.js';
import { corsMiddleware, securityHeaders } from './http/httpSecurity.js';
import { GatewayRateLimiter } from './limits/GatewayRateLimiter.js';
import { operationLimitsOf, operationValidationRules, parseOptionsOf } from './limits/operationLimits.js';
import { rateLimitPlugin } from './limits/rateLimitPlugin.js';
import { createLiveGateway } from './live/liveGateway.js';
import { inputScreenPlugin } from './limits/inputScreen.js';
import { operationResolutionPlugin } from './operationResolutionPlugin.js';
import { pcdRoutes } from './pcd/pcdRoutes.js';
import { readSupergraph } from './supergraph.js';

export interface GatewayOptions {
  readonly runtime: Runtime;
  /** Where each subgraph listens; defaults to the config's subgraph URLs. */
  readonly subgraphUrls?: Readonly<Record<ServiceName, string>>;
  readonly supergraphSdl?: string;
}

export interface GatewayServer {
  listen(port: number): Promise<{ port: number; url: string }>;
  stop(): Promise<void>;
}

async function subgraphAnswers(url: string): Promise<void> {
  const response = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1_500) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** Apollo Server 5 + @apollo/gateway over the static supergraph, on one /graphql endpoint. */
export function createGateway(options: GatewayOptions): GatewayServer {
  const { runtime } = options;
  const logger = runtime.logger.child({ service: 'gateway' });
  const urls = options.subgraphUrls ?? runtime.config.subgraphUrls;
  const production = runtime.config.nodeEnv === 'production';
  const sessions = new SessionCache((id) => sessionIsLive(runtime.db.pool, id), runtime.kv, runtime.pubsub);
  const credentials = new CredentialStore(runtime.db.pool);
  const authenticator = createAuthenticator(credentials, loadJwtKeys(runtime.config, runtime.secrets), sessions);
  const metrics = createServiceMetrics('gateway');
  const { limits } = runtime.config;
  const rateLimiter = new GatewayRateLimiter({ kv: runtime.kv, limits, logger, registry: metrics.registry });
  const operationLimits = operationLimitsOf(limits);
  // Trickles that need no query plan, over HTTP or the agent channel, all go through this one.
  const trickles = new TrickleForwarder({
    metricsUrl: urls.metrics,
    internalSecret: runtime.secrets.internalSecret,
    rateLimiter,
    gatherMs: runtime.config.ingest.forwardGatherMs,
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ hstsMaxAgeSeconds: limits.hstsMaxAgeSeconds, sandbox: runtime.config.sandbox }));
  app.use(corsMiddleware({ corsOrigins: runtime.config.corsOrigins }));
  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = limits.httpKeepAliveMs;

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) => new AuthenticatedDataSource(urls[name as ServiceName] ?? url!, runtime.secrets.internalSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // The process stops in order (launcher/src/shutdown.ts: WebSockets first, then Apollo). Apollo's own
    // SIGTERM handler ran beside it: its drain ended the upgraded sockets under ws ("write after end").
    stopOnTerminationSignals: false,
    // No "Did you mean …?" field suggestions in production (they leak the schema piecemeal).
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    // JSON array bodies (batched operations) are refused with 400: one operation per request.
    allowBatchedHttpRequests: false,
    validationRules: operationValidationRules(operationLimits),
    parseOptions: parseOptionsOf(operationLimits),
    formatError: createFormatError({ production, logger }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      runtime.config.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      metricsPlugin(metrics),
      rateLimitPlugin(rateLimiter),
      operationResolutionPlugin(),
      inputScreenPlugin(),
    ],
  });

  // graphql-ws subscriptions on the same /graphql (registers for the gateway's schema before start).
  const live = createLiveGateway({
    gateway,
    runtime,
    authenticator,
    keyChanges: credentials.keys,
    trickles,
    subgraphUrls: urls,
    registry: metrics.registry,
    logger,
    rateLimiter,
    operationLimits,
  });

  // A plain trickle is the most frequent request of all (docs/ingest.md): it is recognised before
  // the health, metrics, REST and pcd routers, which never answer a JSON POST to /graphql.
  const parseJson = express.json({ limit: limits.requestMaxBytes });
  app.post(
    '/graphql',
    parseJson,
    trickleFastPath({
      authenticator,
      forwarder: trickles,
      trustedProxies: limits.trustedProxies,
      maxTokens: operationLimits.maxTokens,
      logger,
    }),
  );

  const subgraphChecks = Object.fromEntries(Object.entries(urls).map(([name, url]) => [`subgraph:${name}`, () => subgraphAnswers(url)]));
  app.use(healthRouter('gateway', { ...readinessChecks(runtime), ...subgraphChecks }));
  app.use(metricsRouter(metrics, runtime));

  return {
    async listen(port) {
      await credentials.listen(runtime.pubsub);
      await apollo.start();
      app.use(subgraphRoutes(runtime, authenticator, urls.metrics, logger, urls.reports, rateLimiter));
      app.use(pcdRoutes(createForwarder({ runtime, authenticator, logger, rateLimiter }), urls.metrics));
      app.use(
        '/graphql',
        parseJson,
        apolloHandler(apollo, async ({ req }) => {
          try {
            return { identity: await authenticator.authenticate(credentialsOf(req, limits.trustedProxies)) };
          } catch (error) {
            if (!(error instanceof AppError)) logger.error({ err: error }, 'authentication failed unexpectedly');
            // A typed GraphQL error with its code's HTTP status (docs/errors.md), never a 500.
            throw withHttpStatus(authenticationRefusal(error));
          }
        }),
      );
      app.use(dashboardRouter());
      app.use(jsonErrorHandler(logger));
      live.attach(httpServer);
      const listening = await listenOn(httpServer, port, runtime.config.bind.gateway);
      logger.info({ port: listening.port, address: runtime.config.bind.gateway }, 'gateway listening');
      return listening;
    },
    async stop() {
      await live.close();
      await apollo.stop();
      await sessions.close();
      await credentials.close();
      trickles.close();
      httpServer.closeAllConnections();
    },
  };
}
