import { type ApolloServer, HeaderMap } from '@apollo/server';
import express, { type Request, type RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestIdentity } from '../auth/index.js';
import { IDENTITY_HEADER } from '../auth/internalIdentity.js';
import { BadRequestError } from '../errors/BadRequestError.js';
import { recordOperation, type ServiceMetrics } from '../http/promMetrics.js';
import { sendJsonError } from '../http/sendJsonError.js';
import type { Logger } from '../logging/logger.js';
import type { Runtime } from '../runtime.js';
import { createContext, readIdentity, type SubgraphContext } from './context.js';
import { answerAsApollo, type DirectOperation, isDirectRequest } from './directOperation.js';

/** Where a subgraph takes a batch of operations from the gateway (docs/ingest.md, "One request for many trickles"). */
export const OPERATION_BATCH_PATH = '/internal/operations';

/** Most operations in one batch. */
export const MAX_BATCH_OPERATIONS = 500;

/** The gateway starts a new batch past this many bytes of operations (one larger operation goes alone). */
export const TRICKLE_BATCH_MAX_BYTES = 4 * 1024 * 1024;

/** One operation of a batch: what a client's POST body held, and the identity the gateway signed for it. */
export interface BatchedOperation {
  readonly identity: string;
  readonly query: string;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/** Each operation's answer, in the batch's order: the HTTP status and body it would have had alone. */
export interface BatchedAnswer {
  readonly status: number;
  readonly body: string;
}

function isOperation(value: unknown): value is BatchedOperation {
  const op = value as Partial<BatchedOperation> | null;
  return typeof op === 'object' && op !== null && typeof op.identity === 'string' && typeof op.query === 'string';
}

export interface OperationBatchOptions {
  /** Largest batch body. */
  readonly maxBytes: number;
  /** The server's own formatError (Apollo's), for the answers of direct operations. */
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly metrics: ServiceMetrics;
  /** The subgraph's direct runner of a shape of operation (directOperation.ts); others go through Apollo. */
  readonly direct?: DirectOperation;
}

/**
 * `POST /internal/operations`: a JSON array of operations, each run through the same Apollo
 * pipeline as a POST to /graphql (its own signed identity and context, the same formatting,
 * plugins and status), concurrently — so concurrent trickles share a group commit — and answered
 * as a JSON array of `{ status, body }`. It saves an HTTP request per operation between the
 * gateway and the subgraph; it grants nothing: an operation without a valid identity is refused
 * or anonymous exactly as on /graphql. An operation the subgraph's `direct` runner takes (a
 * verified identity, a shape it knows, variables that coerce) skips Apollo and answers the same.
 */
export function operationBatchRoute(
  apollo: ApolloServer<SubgraphContext>,
  runtime: Runtime,
  logger: Logger,
  options: OperationBatchOptions,
): RequestHandler[] {
  const secret = runtime.secrets.internalSecret;
  const verified = (req: Request, identity: string): RequestIdentity | undefined => {
    try {
      return readIdentity({ headers: { [IDENTITY_HEADER]: identity }, socket: req.socket }, secret);
    } catch {
      return undefined; // Apollo answers the refusal, as /graphql does
    }
  };
  const runDirect = (req: Request, { identity, ...body }: BatchedOperation): Promise<BatchedAnswer> | undefined => {
    const caller = options.direct && isDirectRequest(body) ? verified(req, identity) : undefined;
    if (!caller) return undefined;
    const started = process.hrtime.bigint();
    const handled = options.direct!(body, createContext(runtime, caller, logger));
    return handled?.result.then((result) => {
      recordOperation(options.metrics, handled.operation, started, result.errors);
      return answerAsApollo(result, options.formatError);
    });
  };
  const runApollo = async (req: Request, { identity, ...body }: BatchedOperation): Promise<BatchedAnswer> => {
    const headers = new HeaderMap([
      ['content-type', 'application/json'],
      [IDENTITY_HEADER, identity],
    ]);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        // The client's own members, none added (Apollo refuses an `operationName` present but undefined).
        body,
      },
      context: async () =>
        createContext(runtime, readIdentity({ headers: { [IDENTITY_HEADER]: identity }, socket: req.socket }, secret), logger),
    });
    if (response.body.kind !== 'complete') return { status: 500, body: '{"errors":[{"message":"Incremental delivery is not batched."}]}' };
    return { status: response.status ?? 200, body: response.body.string };
  };
  const run = (req: Request, op: BatchedOperation): Promise<BatchedAnswer> => runDirect(req, op) ?? runApollo(req, op);
  return [
    express.json({ limit: options.maxBytes }),
    (req, res) => {
      const ops: unknown = req.body;
      if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_BATCH_OPERATIONS || !ops.every(isOperation)) {
        sendJsonError(res, new BadRequestError(`A batch is an array of 1 to ${MAX_BATCH_OPERATIONS} operations.`));
        return;
      }
      void Promise.all(ops.map((op) => run(req, op))).then(
        (answers) => res.type('application/json').send(JSON.stringify(answers)),
        (error: unknown) => {
          logger.error({ err: error }, 'operation batch failed');
          sendJsonError(res, error);
        },
      );
    },
  ];
}
