/**
 * A send failed in a way that may succeed later (server unreachable, 5xx, timeout,
 * RATE_LIMITED). The shipper spools the batch and retries with back-off.
 */
export class RetryableError extends Error {
  constructor(
    message: string,
    /** The server's own hint (e.g. Retry-After); the back-off never waits less. */
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RetryableError';
  }
}
