import { CollectorRef } from '@perfanalysis/platform';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

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
  PDF = 'pdf',
}
registerEnumType(ReportFormat, { name: 'ReportFormat' });

/**
 * The schema default of `format` can reach the resolver as the enum's name (`HTML`) rather
 * than its value (`html`), depending on how the argument default was coerced: accept both.
 */
export function internalFormat(format: ReportFormat | keyof typeof ReportFormat): ReportFormat {
  return (ReportFormat as Record<string, ReportFormat>)[format] ?? (format as ReportFormat);
}

@ObjectType('Report', {
  description:
    'A rendered report of one collector over a time range. The document itself is not in the answer: download it from ' +
    '`downloadUrl` before `expiresAt` (the link is the capability: short-lived and unguessable).',
})
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

  @Field(() => String, { nullable: true, description: 'The chart rendered when the format is SVG.' })
  chart?: string | null;

  @Field({ description: 'Relative path of the document on the gateway, `/downloads/reports/<token>`.' })
  downloadUrl!: string;

  @Field({ description: 'When the download link stops working.' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'Size of the document in bytes.' })
  bytes!: number;

  @Field(() => Int, { description: 'Points the report was built from.' })
  points!: number;

  @Field(() => [String], { description: 'Findings of the recommendation rules, most severe first, each citing its figure.' })
  recommendations!: string[];
}
