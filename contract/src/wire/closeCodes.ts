/**
 * WebSocket close codes of the platform's graphql-ws endpoints: what the gateway (and a subgraph,
 * to the gateway) closes a connection with, and what the agent, the dashboard and SDK clients
 * read. graphql-ws's own 44xx codes mirror HTTP statuses; the 10xx are RFC 6455's (docs/errors.md).
 */
export const WS_CLOSE = {
  /** Closed on purpose (no subscription left). */
  normal: 1000,
  /** A message flood (more than `LIVE_MAX_MESSAGES_PER_SECOND`). */
  policyViolation: 1008,
  /** A message larger than `LIVE_MAX_MESSAGE_BYTES` (ws closes it itself). */
  messageTooBig: 1009,
  /** A fault of ours. */
  internalError: 1011,
  /** A backing service is unavailable: retry shortly. */
  tryAgainLater: 1013,
  /** A message the protocol does not allow (graphql-ws). */
  badRequest: 4400,
  /** No, unknown, revoked or expired credentials: final until the client has new ones. */
  unauthorized: 4401,
  /** Credentials of another tenant (or a forged identity between services): final. */
  forbidden: 4403,
  /** No `connection_init` in time, or a peer that stopped answering pings. */
  requestTimeout: 4408,
  /** Too many connection attempts: final for graphql-ws clients, so they do not hammer. */
  tooManyRequests: 4429,
} as const;

export type WsCloseCode = (typeof WS_CLOSE)[keyof typeof WS_CLOSE];

/** Closes that refuse the credentials: reconnecting with the same ones cannot succeed. */
export function isCredentialRefusal(code: number | undefined): boolean {
  return code === WS_CLOSE.unauthorized || code === WS_CLOSE.forbidden;
}
