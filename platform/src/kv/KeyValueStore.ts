import type { RateSpend } from './rateBudget.js';

/**
 * Short-lived shared state: token revocations, API-key cache invalidation, rate-limit
 * counters. In-process for the embedded default, Redis when several processes run.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets only when absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Adds `by` (default one; negative takes back) and returns the new count; the window starts with the first increment. */
  increment(key: string, windowMs: number, by?: number): Promise<{ count: number; resetInMs: number }>;
  /** Spends one call of a budget of `max` per `windowMs` (GCRA, rateBudget.ts), atomically and in one round trip. */
  spendRate(key: string, max: number, windowMs: number): Promise<RateSpend>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
