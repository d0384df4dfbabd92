import type { MetricPoint } from '@perfanalysis/contract';

/**
 * Sends points of this machine to the server. The trickle transport (batch mutation through the
 * typed SDK) and the upload transport (CSV through the multipart mutation) implement it; the
 * shipper owns batching, spooling, retries and ordering, so a transport only makes one call.
 */
export interface Transport {
  /** For logs: `trickle`, `upload`, … */
  readonly name: string;
  /** Most points one `sendBatch` may carry. @default 60 */
  readonly maxBatch?: number;
  /**
   * Stores `points` (oldest first, all of one machine) on the server. Resolve only when the
   * server has acknowledged every one of them: the shipper then forgets them. Throw:
   * - `RetryableError` when a later attempt may succeed (unreachable, timeout, 5xx, RATE_LIMITED);
   * - `AuthRejectedError` when the API key is refused (UNAUTHENTICATED) — exit code 3;
   * - `FatalError` for other refusals retrying cannot fix (FORBIDDEN, INVALID_VALUE).
   * Anything else is treated as retryable: an unexpected failure must not lose points.
   * Honour `signal` (the agent aborts an in-flight send when it shuts down) and settle within a
   * bounded time (a request timeout → RetryableError): newer points wait in memory meanwhile.
   */
  sendBatch(points: readonly MetricPoint[], signal?: AbortSignal): Promise<void>;
  /** Releases connections. */
  close?(): Promise<void>;
}
