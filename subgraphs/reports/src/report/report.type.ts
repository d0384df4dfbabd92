import { CollectorRef } from '@perfanalysis/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportSection {
  SUMMARY = 'summary',
  CPU = 'cpu',
  MEMORY = 'memory',
  DISK = 'disk',
  NETWORK = 'network',
  PERCENTILES = 'percentiles',
  RADAR = 'radar',
  RECOMMENDATIONS = 'recommendations',
  ALERTS = 'alerts',
}
registerEnumType(ReportSection, { name: 'ReportSection' });

export enum ReportFormat {
  HTML = 'html',
  SVG = 'svg',
}
registerEnumType(ReportFormat, { name: 'ReportFormat' });

@ObjectType('Report', { description: 'A rendered report of one collector over a time range.' })
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => CollectorRef)
  collector!: CollectorRef;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field(() => [ReportSection])
  sections!: ReportSection[];
}
