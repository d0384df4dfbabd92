import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { reportDownloadRouter } from './download/reportDownloadRouter.js';
import { closeReportRenderer } from './report/renderCollectorReport.js';
import { buildReportsSchema } from './schema.js';

export { buildReportsSchema };
export { REPORT_DOWNLOAD_PATH } from './download/reportDownloadStore.js';

export async function createReportsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: 'reports',
    schema: await buildReportsSchema(),
    runtime,
    // GET /downloads/reports/:token: the documents `Query.report` rendered (token = capability).
    routes: (app) => app.use(reportDownloadRouter(runtime)),
    onStop: closeReportRenderer,
  });
}
