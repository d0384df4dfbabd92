import { RenderPool } from './renderPool.js';
import { REPORT_LIMITS } from './reportLimits.js';

/** This process's render workers, shared by reports and comparisons (docs/report-contents.md). */
export const renderPool = new RenderPool(REPORT_LIMITS.renderWorkers, REPORT_LIMITS.renderQueue);

/** Stops the idle render workers (the subgraph's `onStop`); a later report starts new ones. */
export function closeReportRenderer(): Promise<void> {
  return renderPool.close();
}
