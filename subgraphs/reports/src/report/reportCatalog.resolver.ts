import { Authorized, Query, Resolver } from 'type-graphql';
import { Report, ReportSection } from './report.type.js';

@Resolver(() => Report)
export class ReportCatalogResolver {
  @Authorized()
  @Query(() => [ReportSection], { description: 'Sections a report can contain, in report order.' })
  reportSections(): ReportSection[] {
    return Object.values(ReportSection);
  }
}
