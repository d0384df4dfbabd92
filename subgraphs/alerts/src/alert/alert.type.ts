import { CollectorRef } from '@perfanalysis/platform';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AlertSeverity } from '../rule/rule.type.js';

export enum AlertStatus {
  PENDING = 'PENDING',
  FIRING = 'FIRING',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description: 'PENDING: the condition holds, for not yet long enough; FIRING; RESOLVED: it no longer holds.',
});

@ObjectType({ description: 'One occurrence of a rule on one collector: pending → firing → resolved.' })
export class Alert {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => CollectorRef)
  collector!: CollectorRef;

  @Field(() => AlertStatus)
  status!: AlertStatus;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field()
  summary!: string;

  @Field()
  pendingAt!: Date;

  @Field(() => Date, { nullable: true })
  firedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'The value that crossed (threshold: the window average).' })
  firedValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'The value that cleared the condition.' })
  resolvedValue!: number | null;

  @Field({ description: 'A silence covered it when it fired: no notification was sent.' })
  silenced!: boolean;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  acknowledgedBy!: string | null;
}

@ObjectType({ description: 'A lifecycle step of an alert, as subscribers and webhooks receive it.' })
export class AlertEvent {
  @Field({ description: 'PENDING, FIRING, RESOLVED or ACKNOWLEDGED.' })
  event!: string;

  @Field(() => ID, { nullable: true })
  alertId!: string | null;

  @Field(() => ID, { nullable: true })
  ruleId!: string | null;

  @Field(() => String, { nullable: true })
  ruleName!: string | null;

  @Field(() => CollectorRef, { nullable: true })
  collector!: CollectorRef | null;

  @Field(() => AlertSeverity, { nullable: true })
  severity!: AlertSeverity | null;

  @Field()
  summary!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field()
  at!: Date;

  @Field()
  silenced!: boolean;
}

@ObjectType({ description: 'Notifications of matching alerts are not sent between startsAt and endsAt.' })
export class AlertSilence {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  ruleId!: string | null;

  @Field(() => CollectorRef, { nullable: true })
  collector!: CollectorRef | null;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@InputType()
export class SilenceInput {
  @Field(() => ID, { nullable: true, description: 'Omitted: every rule.' })
  ruleId?: string;

  @Field(() => ID, { nullable: true, description: 'Omitted: every collector.' })
  collectorId?: string;

  @Field({ nullable: true, description: 'Default: now.' })
  startsAt?: Date;

  @Field()
  endsAt!: Date;

  @Field({ nullable: true })
  comment?: string;
}
