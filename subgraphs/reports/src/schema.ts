import { buildFederatedSchema } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { CompareReportResolver } from './compare/compareReport.resolver.js';
import { ReportProfileResolver } from './profile/reportProfile.resolver.js';
import { ReportResolver } from './report/report.resolver.js';
import { Report } from './report/report.type.js';
import { ReportCatalogResolver } from './report/reportCatalog.resolver.js';
import { ReportArchiveResolver } from './archive/reportArchive.resolver.js';
import { ReportScheduleResolver } from './schedule/reportSchedule.resolver.js';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ReportCatalogResolver,
      ReportResolver,
      CompareReportResolver,
      ReportScheduleResolver,
      ReportArchiveResolver,
      ReportProfileResolver,
    ],
    orphanedTypes: [Report],
  });
}
