/**
 * When to refresh an access token expiring at `expiresAt`: a minute before it expires, or
 * half-way through its remaining life when that is shorter (short test TTLs), never < 0.
 */
export function refreshDelayMs(expiresAt: string, now: number): number {
  const remaining = Date.parse(expiresAt) - now;
  if (!Number.isFinite(remaining) || remaining <= 0) return 0;
  return Math.max(remaining - 60_000, remaining / 2);
}

/** A token this close to expiry is refreshed before it is sent (the timer may have slept). */
export function mustRefreshBeforeUse(expiresAt: string, now: number): boolean {
  const remaining = Date.parse(expiresAt) - now;
  return !Number.isFinite(remaining) || remaining < 5_000;
}
