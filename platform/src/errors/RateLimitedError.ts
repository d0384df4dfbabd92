import { AppError } from './AppError.js';

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests: retry after ${retryAfterSeconds} s.`, { retryAfter: retryAfterSeconds });
  }
}
