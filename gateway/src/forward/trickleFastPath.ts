import { type Logger, RateLimitedError, sendJsonError, ServiceUnavailableError } from '@perfanalysis/platform';
import type { NextFunction, Request, Response } from 'express';
import { type FieldNode, Kind, parse } from 'graphql';
import type { Authenticator } from '../auth/authenticateRequest.js';
import { authenticationRefusal } from '../auth/authenticationRefusal.js';
import { credentialsOf } from '../credentials.js';
import type { TrickleForwarder, TrickleRequest } from './trickleForwarder.js';

/** Fields of TrickleAck a plain trickle may select. */
const ACK_FIELDS = new Set(['accepted', 'duplicates', 'from', 'to', '__typename']);
/** Query texts already judged: agents send the same few documents over and over. */
const MAX_REMEMBERED = 256;

const bare = (field: FieldNode) => !field.alias && !field.directives?.length;

/**
 * A document that is one `tricklePoints` mutation selecting only acknowledgement fields
 * (no fragments, aliases or directives): the metrics subgraph alone answers it, exactly as
 * the query plan would, so it needs no planning. Anything else goes the planned way.
 */
export function isPlainTrickle(query: string, maxTokens: number): boolean {
  let document;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch {
    return false; // the planned path answers with the syntax error
  }
  const [operation, ...others] = document.definitions;
  if (others.length || operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return false;
  if (operation.directives?.length || operation.selectionSet.selections.length !== 1) return false;
  const root = operation.selectionSet.selections[0]!;
  if (root.kind !== Kind.FIELD || root.name.value !== 'tricklePoints' || !bare(root) || !root.selectionSet) return false;
  return root.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && ACK_FIELDS.has(s.name.value) && bare(s) && !s.arguments?.length,
  );
}

export interface TrickleFastPathOptions {
  readonly authenticator: Authenticator;
  /** Charges the trickle budget and carries the request to the metrics subgraph (shared with the agent channel). */
  readonly forwarder: TrickleForwarder;
  readonly trustedProxies: readonly string[];
  readonly maxTokens: number;
  readonly logger: Logger;
}

/**
 * Trickle without the query planner (docs/ingest.md): authenticated, rate limited (the
 * trickle budget) and forwarded with the signed identity to the metrics subgraph, whose
 * answer passes back unchanged. Saves the gateway's variable coercion, planning and
 * re-serialisation of every point, the bulk of its CPU per trickle request.
 */
export function trickleFastPath(options: TrickleFastPathOptions) {
  const judged = new Map<string, boolean>();
  const plain = (query: string) => {
    let verdict = judged.get(query);
    if (verdict === undefined) {
      verdict = isPlainTrickle(query, options.maxTokens);
      if (judged.size >= MAX_REMEMBERED) judged.clear();
      judged.set(query, verdict);
    }
    return verdict;
  };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const body = req.body as Partial<TrickleRequest> | undefined;
    if (req.method !== 'POST' || typeof body?.query !== 'string' || !plain(body.query)) return next();
    let identity;
    try {
      identity = await options.authenticator.authenticate(credentialsOf(req, options.trustedProxies));
    } catch (error) {
      return sendJsonError(res, authenticationRefusal(error));
    }
    const retryAfter = await options.forwarder.charge(identity);
    if (retryAfter !== undefined) return sendJsonError(res, new RateLimitedError(retryAfter));
    try {
      const answer = await options.forwarder.forward(identity, body as TrickleRequest);
      res.status(answer.status).type('application/json').send(answer.body);
    } catch (error) {
      options.logger.warn({ err: (error as Error).message }, 'trickle forwarding failed');
      sendJsonError(res, new ServiceUnavailableError('The metrics service is unavailable; retry shortly.'));
    }
  };
}
