/** Exponential back-off between retries. */
export interface BackoffOptions {
  /** Ceiling of the first wait. @default 1000 */
  readonly baseMs?: number;
  /** Ceiling of every wait. @default 60000 */
  readonly maxMs?: number;
  /** Growth per attempt. @default 2 */
  readonly factor?: number;
}

/**
 * Wait before retry number `attempt` (1-based): "equal jitter" — the ceiling
 * min(maxMs, baseMs·factor^(attempt−1)) halved, plus a random part of the other half. Never
 * below half the ceiling (no hammering), never above it, and a fleet of agents that lost the
 * server together does not come back in lock-step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs = 1000, maxMs = 60_000, factor = 2 } = options;
  const ceiling = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt - 1));
  const r = Math.min(1, Math.max(0, random()));
  return ceiling / 2 + (r * ceiling) / 2;
}
