import { buildFederatedSchema } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { CompareReportResolver } from './compare/compareReport.resolver.js';
import { ReportProfileResolver } from './profile/reportProfile.resolver.js';
import { ReportResolver } from './report/report.resolver.js';
import { Report } from './report/report.type.js';
import { ReportCatalogResolver } from './report/reportCatalog.resolver.js';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ReportCatalogResolver, ReportResolver, CompareReportResolver, ReportProfileResolver],
    orphanedTypes: [Report],
  });
}
