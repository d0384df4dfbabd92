import { CollectorRef } from '@perfanalysis/platform';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportFormat } from '../report/report.type.js';

export enum ComparisonKind {
  BEFORE_AFTER = 'beforeAfter',
  FLEET = 'fleet',
}
registerEnumType(ComparisonKind, {
  name: 'ComparisonKind',
  valuesConfig: {
    BEFORE_AFTER: { description: "One collector's two windows, or two collectors over a window each." },
    FLEET: { description: 'Up to 100 collectors over one window.' },
  },
});

export enum ChangeVerdict {
  HIGHER = 'higher',
  LOWER = 'lower',
  NO_CLEAR_CHANGE = 'no clear change',
}
registerEnumType(ChangeVerdict, { name: 'ChangeVerdict', description: 'Given only where the 95 % interval excludes zero.' });

@InputType('ReportWindowInput')
export class ReportWindowInput {
  @Field({ description: 'Start, inclusive.' })
  from!: Date;

  @Field({ description: 'End, exclusive.' })
  to!: Date;
}

@InputType('CompareReportInput')
export class CompareReportInput {
  @Field(() => ComparisonKind)
  kind!: ComparisonKind;

  @Field(() => [ID], {
    description: 'BEFORE_AFTER: one collector (two windows) or two, before then after. FLEET: 1 to 100 distinct collectors.',
  })
  collectorIds!: string[];

  @Field(() => [ReportWindowInput], {
    description:
      'BEFORE_AFTER: the before and after windows (two), or one window both collectors are read over. FLEET: exactly one. ' +
      'Each at most 31 days, `from` before `to`.',
  })
  windows!: ReportWindowInput[];

  @Field(() => ReportFormat, {
    defaultValue: ReportFormat.HTML,
    description: 'HTML page, SVG chart (distributions or heatmap), or A4 PDF.',
  })
  format!: ReportFormat;
}

@ObjectType('ReportWindow')
export class ReportWindow {
  @Field()
  from!: Date;

  @Field()
  to!: Date;
}

@ObjectType('ComparisonChange', { description: 'The change of one statistic of one metric from before to after.' })
export class ComparisonChange {
  @Field({ description: 'Column or derived series, e.g. `cpu_busy`.' })
  metric!: string;

  @Field({ description: '`mean` or `p95`.' })
  statistic!: string;

  @Field(() => Float, { nullable: true })
  before!: number | null;

  @Field(() => Float, { nullable: true })
  after!: number | null;

  @Field(() => Float, { nullable: true, description: 'after − before.' })
  change!: number | null;

  @Field(() => Float, { nullable: true, description: 'Low end of the bootstrap 95 % interval of the change.' })
  low!: number | null;

  @Field(() => Float, { nullable: true })
  high!: number | null;

  @Field(() => ChangeVerdict)
  verdict!: ChangeVerdict;
}

@ObjectType('ComparisonOutlier', { description: "A collector whose p95 lies outside the fleet's Tukey fences." })
export class ComparisonOutlier {
  @Field(() => CollectorRef)
  collector!: CollectorRef;

  @Field()
  metric!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: '`high` or `low`.' })
  side!: string;

  @Field(() => Float, { description: 'The fence it crossed.' })
  fence!: number;
}

@ObjectType('ComparisonReport', {
  description: 'A rendered comparison. Download the document from `downloadUrl` before `expiresAt` (the link is the capability).',
})
export class ComparisonReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ComparisonKind)
  kind!: ComparisonKind;

  @Field(() => [CollectorRef])
  collectors!: CollectorRef[];

  @Field(() => [ReportWindow])
  windows!: ReportWindow[];

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field()
  downloadUrl!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => Int)
  bytes!: number;

  @Field(() => Int, { description: 'Points the comparison was built from.' })
  points!: number;

  @Field(() => [ComparisonChange], { description: 'BEFORE_AFTER: the mean and p95 change of each metric; empty for FLEET.' })
  changes!: ComparisonChange[];

  @Field(() => [ComparisonOutlier], { description: 'FLEET: the named outliers of CPU busy and memory used; empty for BEFORE_AFTER.' })
  outliers!: ComparisonOutlier[];
}
