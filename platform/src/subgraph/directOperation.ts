import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { SubgraphContext } from './context.js';
import type { BatchedAnswer } from './operationBatch.js';

/** The members of a client's operation a direct runner reads; an operation with others goes through Apollo. */
export interface DirectRequest {
  readonly query: string;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/**
 * A subgraph's runner of one shape of operation without Apollo (docs/ingest.md, "One request for
 * many trickles"): given the operation and a context with a verified identity, it answers
 * undefined when the operation is not exactly a shape it knows with variables that coerce —
 * Apollo then runs it, and answers any refusal — else the operation (for the metrics) and the
 * result graphql-js would have given, errors located as execution locates them.
 */
export type DirectOperation = (
  request: DirectRequest,
  context: SubgraphContext,
) => { readonly operation: { readonly name: string | null; readonly type: string }; readonly result: Promise<ExecutionResult> } | undefined;

const DIRECT_MEMBERS = new Set(['query', 'variables', 'operationName']);

/** A client's operation with no member but those a direct runner reads. */
export function isDirectRequest(body: DirectRequest): boolean {
  return Object.keys(body).every((member) => DIRECT_MEMBERS.has(member));
}

/**
 * A result as Apollo Server answers it on /graphql (its errorNormalize and runHttpQuery): each
 * error with its code (INTERNAL_SERVER_ERROR when it has none) and without its HTTP head (whose
 * status becomes the answer's) through the server's formatError, `errors` before `data`, one line of JSON.
 */
export function answerAsApollo(
  result: ExecutionResult,
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): BatchedAnswer {
  let status = 200;
  const errors = result.errors?.map((error) => {
    const { http, ...extensions }: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
    };
    const head = http as { status?: unknown } | undefined;
    if (typeof head?.status === 'number') status = head.status;
    return formatError({ ...error.toJSON(), extensions }, error);
  });
  return { status, body: `${JSON.stringify({ errors, data: result.data })}\n` };
}
