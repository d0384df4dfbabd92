import { CollectorRef } from '@perfanalysis/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ReportFormat } from '../report/report.type.js';

export enum ReportScheduleWindow {
  PREVIOUS_HOUR = 'PREVIOUS_HOUR',
  PREVIOUS_DAY = 'PREVIOUS_DAY',
  PREVIOUS_WEEK = 'PREVIOUS_WEEK',
}
registerEnumType(ReportScheduleWindow, {
  name: 'ReportScheduleWindow',
  description: "The hour, day or ISO week before the run's own, counted in the schedule's time zone.",
});

export enum ScheduledReportKind {
  COLLECTOR = 'COLLECTOR',
  FLEET = 'FLEET',
}
registerEnumType(ScheduledReportKind, {
  name: 'ScheduledReportKind',
  description:
    'COLLECTOR: the single-collector report of `Query.report`, one document per collector. FLEET: the fleet comparison of ' +
    '`Query.compareReport` over all the collectors, one document per run.',
});

@ObjectType({ description: 'A report rendered on a cron schedule, archived and delivered by e-mail and/or signed webhooks.' })
export class ReportSchedule {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Five-field cron expression: minute hour day-of-month month day-of-week.' })
  cron!: string;

  @Field({ description: 'IANA time zone the cron and the window are read in.' })
  timeZone!: string;

  @Field(() => ScheduledReportKind)
  kind!: ScheduledReportKind;

  @Field(() => ReportFormat, { description: 'HTML or PDF.' })
  format!: ReportFormat;

  @Field(() => [CollectorRef])
  collectors!: CollectorRef[];

  @Field(() => ReportScheduleWindow)
  window!: ReportScheduleWindow;

  @Field(() => [String], { description: 'E-mail addresses the documents are sent to.' })
  recipients!: string[];

  @Field(() => [ID], { description: 'Alert webhooks (signed) told about each archived run.' })
  webhookIds!: string[];

  @Field()
  paused!: boolean;

  @Field(() => Date, { nullable: true, description: 'The next scheduled run; null while paused.' })
  nextRunAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'E-mail of the user who created the schedule.' })
  createdBy!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@InputType({ description: 'A new schedule. Collectors and webhooks must be your tenant’s.' })
export class ReportScheduleInput {
  @Field()
  name!: string;

  @Field()
  cron!: string;

  @Field({ defaultValue: 'UTC' })
  timeZone!: string;

  @Field(() => ScheduledReportKind, { defaultValue: ScheduledReportKind.COLLECTOR })
  kind!: ScheduledReportKind;

  @Field(() => ReportFormat, { defaultValue: ReportFormat.PDF })
  format!: ReportFormat;

  @Field(() => [ID])
  collectorIds!: string[];

  @Field(() => ReportScheduleWindow)
  window!: ReportScheduleWindow;

  @Field(() => [String], { defaultValue: [] })
  recipients!: string[];

  @Field(() => [ID], { defaultValue: [] })
  webhookIds!: string[];

  @Field({ defaultValue: false })
  paused!: boolean;
}

@InputType({ description: 'Changes to a schedule: fields left out keep their value.' })
export class ReportScheduleUpdate {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  cron?: string;

  @Field({ nullable: true })
  timeZone?: string;

  @Field(() => ReportFormat, { nullable: true })
  format?: ReportFormat;

  @Field(() => [ID], { nullable: true })
  collectorIds?: string[];

  @Field(() => ReportScheduleWindow, { nullable: true })
  window?: ReportScheduleWindow;

  @Field(() => [String], { nullable: true })
  recipients?: string[];

  @Field(() => [ID], { nullable: true })
  webhookIds?: string[];
}

@ObjectType({ description: 'One run of a schedule: what it covered and what became of it.' })
export class ReportRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  scheduleId!: string;

  @Field({ description: 'The instant the run was due (or asked for, when manual).' })
  scheduledFor!: Date;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field({ description: 'Asked for with runReportSchedule rather than due by the cron.' })
  manual!: boolean;

  @Field({ description: 'PENDING (to render), DELIVERING (archived, delivery retrying), SUCCEEDED or FAILED (attempts exhausted).' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (PENDING and DELIVERING only).' })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The runner instance that rendered the documents.' })
  renderedBy!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
