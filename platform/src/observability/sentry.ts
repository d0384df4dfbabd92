import * as Sentry from '@sentry/node';
import type { Logger } from '../logging/logger.js';
import { scrubPii } from './scrubPii.js';

let started = false;

/** Starts Sentry when a DSN is configured; every event passes through the PII scrubber. */
export function startSentry(dsn: string | undefined, environment: string, logger: Logger): boolean {
  if (!dsn || started) return started;
  Sentry.init({
    dsn,
    environment,
    sendDefaultPii: false,
    beforeSend: (event) => scrubPii(event),
    beforeBreadcrumb: (breadcrumb) => scrubPii(breadcrumb),
  });
  started = true;
  logger.info({ environment }, 'Sentry started');
  return true;
}

export function reportError(error: unknown): void {
  if (started) Sentry.captureException(error);
}
