import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RequestIdentity } from '../auth/identity.js';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/internalIdentity.js';
import { closeWithError } from '../errors/errorTransport.js';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { createFormatError } from '../errors/formatError.js';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { Runtime } from '../runtime.js';
import { createContext } from './context.js';

type LiveExtra = { identity?: RequestIdentity } & Record<PropertyKey, unknown>;

export interface SubgraphLiveServer {
  /** Serves graphql-ws on the subgraph's `/graphql` (same port as HTTP). */
  attach(server: Server): void;
  close(): Promise<void>;
}

export interface SubgraphLiveOptions {
  /** Names the subgraph in logs. */
  readonly subgraph: string;
  /** Extensions added to every `next` payload (e.g. where a subscription resumes from). */
  readonly extensionsOf?: (contextValue: unknown) => Record<string, unknown> | undefined;
  /** Runs before the server stops (e.g. ending live views with a resumable error). */
  readonly beforeClose?: () => Promise<void>;
}

/**
 * graphql-ws for the gateway only: the connection must carry the identity the gateway signed
 * (`connectionParams['x-pa-identity']`), verified exactly as the HTTP header is. Missing: closed
 * as UNAUTHENTICATED (4401); forged, edited or stale: as FORBIDDEN (4403, docs/errors.md). The gateway routes each subscription here from
 * the supergraph's join directives.
 */
export function createSubgraphLiveServer(schema: GraphQLSchema, runtime: Runtime, options: SubgraphLiveOptions): SubgraphLiveServer {
  const logger = runtime.logger.child({ subgraph: options.subgraph, transport: 'graphql-ws' });
  const formatError = createFormatError({ production: runtime.config.nodeEnv === 'production', logger });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let disposable: { dispose(): void | Promise<void> } | undefined;
  let attachedTo: Server | undefined;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/graphql') return;
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  return {
    attach(server) {
      attachedTo = server;
      server.on('upgrade', onUpgrade);
      disposable = useServer<Record<string, unknown>, LiveExtra>(
        {
          schema,
          onConnect: (ctx) => {
            const header = ctx.connectionParams?.[IDENTITY_HEADER];
            if (typeof header !== 'string') {
              closeWithError(ctx.extra.socket, new UnauthenticatedError());
              return false;
            }
            try {
              ctx.extra.identity = verifyIdentity(header, runtime.secrets.internalSecret);
              return true;
            } catch {
              logger.warn({ ip: ctx.extra.request.socket.remoteAddress }, 'graphql-ws connection with a forged or stale identity refused');
              closeWithError(ctx.extra.socket, new ForbiddenError());
              return false;
            }
          },
          context: (ctx) => createContext(runtime, ctx.extra.identity!, logger),
          onNext: (_ctx, _id, _payload, args, result) => {
            const extensions = options.extensionsOf?.(args.contextValue);
            const errors = result.errors?.map((error) => formatError(error.toJSON(), error));
            return { ...result, errors, ...(extensions && { extensions: { ...result.extensions, ...extensions } }) };
          },
          onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
        },
        wss,
      );
    },
    async close() {
      attachedTo?.off('upgrade', onUpgrade);
      await options.beforeClose?.();
      await disposable?.dispose();
      for (const client of wss.clients) client.terminate();
    },
  };
}
