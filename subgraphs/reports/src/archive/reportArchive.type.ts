import { CollectorRef } from '@perfanalysis/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReportFormat } from '../report/report.type.js';

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

  @Field(() => CollectorRef, { description: 'What: the collector the report is about.' })
  collector!: CollectorRef;

  @Field()
  machineId!: string;

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
