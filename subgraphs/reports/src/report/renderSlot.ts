import { RateLimitedError } from '@perfanalysis/platform';
import { REPORT_LIMITS } from './reportLimits.js';

/** Reports and comparisons rendering in this process (rendering is CPU-bound: a few at a time). */
let inFlight = 0;

/** Runs `render` in one of the process's {@link REPORT_LIMITS.maxInFlight} slots; RATE_LIMITED when all are taken. */
export async function withRenderSlot<T>(render: () => Promise<T>): Promise<T> {
  if (inFlight >= REPORT_LIMITS.maxInFlight) throw new RateLimitedError(2);
  inFlight++;
  try {
    return await render();
  } finally {
    inFlight--;
  }
}
