import { type ApolloServer, HeaderMap } from '@apollo/server';
import express, { type Request, type RequestHandler } from 'express';
import { IDENTITY_HEADER } from '../auth/internalIdentity.js';
import { BadRequestError } from '../errors/BadRequestError.js';
import { sendJsonError } from '../http/sendJsonError.js';
import type { Logger } from '../logging/logger.js';
import type { Runtime } from '../runtime.js';
import { createContext, readIdentity, type SubgraphContext } from './context.js';

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

/**
 * `POST /internal/operations`: a JSON array of operations, each run through the same Apollo
 * pipeline as a POST to /graphql (its own signed identity and context, the same formatting,
 * plugins and status), concurrently — so concurrent trickles share a group commit — and answered
 * as a JSON array of `{ status, body }`. It saves an HTTP request per operation between the
 * gateway and the subgraph; it grants nothing: an operation without a valid identity is refused
 * or anonymous exactly as on /graphql.
 */
export function operationBatchRoute(
  apollo: ApolloServer<SubgraphContext>,
  runtime: Runtime,
  logger: Logger,
  maxBytes: number,
): RequestHandler[] {
  const secret = runtime.secrets.internalSecret;
  const run = async (req: Request, { identity, ...body }: BatchedOperation): Promise<BatchedAnswer> => {
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
  return [
    express.json({ limit: maxBytes }),
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
