import { CollectorRef } from '@perfanalysis/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReportFormat } from '../report/report.type.js';
import { ScheduledReportKind } from '../schedule/reportSchedule.type.js';

@ObjectType({ description: 'A document a schedule rendered, kept in the archive until its retention ends: who, what and when.' })
export class ReportArchiveEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The schedule; null once it was deleted.' })
  scheduleId!: string | null;

  @Field({ description: 'The schedule’s name when the document was rendered.' })
  scheduleName!: string;

  @Field(() => ID, { nullable: true })
  runId!: string | null;

  @Field(() => String, { nullable: true, description: 'Who: e-mail of the user who created the schedule.' })
  createdBy!: string | null;

  @Field(() => ScheduledReportKind, { description: 'What: a collector report or a fleet comparison.' })
  kind!: ScheduledReportKind;

  @Field(() => CollectorRef, { nullable: true, description: 'The collector a COLLECTOR report is about; null for a FLEET comparison.' })
  collector!: CollectorRef | null;

  @Field(() => String, { nullable: true, description: 'Its machine id; null for a FLEET comparison.' })
  machineId!: string | null;

  @Field(() => [CollectorRef], {
    description: 'Every collector the document covers (one for a COLLECTOR report), in the schedule’s order.',
  })
  collectors!: CollectorRef[];

  @Field(() => [String], { description: 'Their machine ids when rendered, in the same order.' })
  machineIds!: string[];

  @Field(() => ReportFormat)
  format!: ReportFormat;

  @Field()
  fileName!: string;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int)
  points!: number;

  @Field(() => Int)
  bytes!: number;

  @Field({ description: 'When it was rendered.' })
  createdAt!: Date;

  @Field({ description: 'When the retention purge deletes it.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A short-lived download link of one archived document.' })
export class ReportArchiveLink {
  @Field({ description: 'Relative path on the gateway, `/downloads/reports/<token>`; the token is the capability.' })
  downloadUrl!: string;

  @Field()
  expiresAt!: Date;
}
