/** Connection-level failures worth retrying: the backing service is down or restarting. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
  '53300', // too_many_connections
]);

/** True for errors that mean "PostgreSQL or Redis is unreachable", not "the input is bad". */
export function isTransientError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  // Node's fetch (the gateway's subgraph requests) fails with "fetch failed" and the socket error as its cause.
  if (cause !== undefined && cause !== error && isTransientError(cause)) return true;
  if (typeof message !== 'string') return false;
  // A non-Error thrown value (e.g. an Error of another realm, as in jest's sandbox) reaches the
  // formatter as graphql-js's `Unexpected error value: { …, code: "ECONNREFUSED", … }`: its code survives only in the text.
  const quoted = /\bcode: ["']([0-9A-Z]+)["']/.exec(message)?.[1];
  if (quoted && TRANSIENT_CODES.has(quoted)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}
