import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { reportDownloadRouter } from './download/reportDownloadRouter.js';
import { closeReportRenderer } from './report/sharedRenderPool.js';
import { startScheduleRunner } from './schedule/scheduleRunner.js';
import { buildReportsSchema } from './schema.js';

export { buildReportsSchema };
export { REPORT_DOWNLOAD_PATH } from './download/reportDownloadStore.js';
export { runSchedulesOnce, newRunnerId } from './schedule/scheduleRunner.js';

/** The report API and download route, and — unless REPORT_SCHEDULER=false — the schedule runner and archive purge. */
export async function createReportsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  let runner: { stop(): Promise<void> } | undefined;
  return createSubgraphServer({
    name: 'reports',
    schema: await buildReportsSchema(),
    runtime,
    // GET /downloads/reports/:token: the documents `Query.report` rendered and archived documents (token = capability).
    routes: (app) => app.use(reportDownloadRouter(runtime)),
    onListening: () => {
      if (runtime.config.reports.scheduler) runner = startScheduleRunner(runtime);
    },
    onStop: async () => {
      // The runner first: a run under way still renders.
      await runner?.stop();
      await closeReportRenderer();
    },
  });
}
export { reportsMigrations } from './migrations/index.js';
