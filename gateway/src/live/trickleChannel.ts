import { type Logger, RateLimitedError, type RequestIdentity } from '@perfanalysis/platform';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import type { TrickleForwarder, TrickleRequest } from '../forward/trickleForwarder.js';
import { TRICKLE_ROOT_FIELDS } from '../limits/rateLimitRules.js';
import { SubscriptionRefused } from './livePlanner.js';

function refused(message: string, code: string): SubscriptionRefused {
  return new SubscriptionRefused([new GraphQLError(message, { extensions: { code } })]);
}

function failed(message: string, code: string, extensions: Record<string, unknown> = {}): FormattedExecutionResult {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * The channel's one mutation: `tricklePoints` alone at the root. Its answer (TrickleAck) is all
 * the metrics subgraph's, so the operation needs no query plan: the validated client document
 * goes to the metrics subgraph as it is (see docs/agent-channel.md).
 */
export function assertChannelMutation(operation: OperationDefinitionNode): void {
  const roots = operation.selectionSet.selections;
  const only = roots.length === 1 ? roots[0] : undefined;
  if (only?.kind !== Kind.FIELD || !TRICKLE_ROOT_FIELDS.has(only.name.value)) {
    throw refused('Over WebSocket the only mutation is `tricklePoints` alone; send other mutations with HTTP POST.', 'BAD_REQUEST');
  }
}

/**
 * One `tricklePoints` message of the agent channel, through the same forwarder as the HTTP fast
 * path: the answer is the metrics subgraph's (errors keep their codes); a spent budget or an
 * unreachable metrics service become the message's typed errors.
 */
export async function sendChannelTrickle(
  forwarder: TrickleForwarder,
  identity: RequestIdentity,
  trickle: TrickleRequest,
  logger: Logger,
): Promise<FormattedExecutionResult> {
  const retryAfter = await forwarder.charge(identity);
  if (retryAfter !== undefined) {
    const error = new RateLimitedError(retryAfter);
    return failed(error.message, error.code, { retryAfter });
  }
  let answer;
  try {
    answer = await forwarder.forward(identity, trickle);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'channel: metrics unreachable');
    return failed('The metrics service is unavailable; retry shortly.', 'SERVICE_UNAVAILABLE');
  }
  try {
    return JSON.parse(answer.body.toString('utf8')) as FormattedExecutionResult;
  } catch {
    logger.warn({ status: answer.status }, 'channel: metrics answered without JSON');
    return failed('The metrics service is unavailable; retry shortly.', 'SERVICE_UNAVAILABLE');
  }
}
