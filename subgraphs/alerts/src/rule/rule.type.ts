import { CollectorRef } from '@perfanalysis/platform';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AlertRuleKind {
  THRESHOLD = 'THRESHOLD',
  ANOMALY = 'ANOMALY',
  SILENT = 'SILENT',
}
registerEnumType(AlertRuleKind, {
  name: 'AlertRuleKind',
  description:
    'THRESHOLD: the average over `windowSeconds` compared with `threshold`; ANOMALY: the value more than `zScore` standard ' +
    'deviations from its own EWMA; SILENT: no point from the collector for `silentSeconds`.',
});

export enum ComparisonOp {
  GT = 'GT',
  GTE = 'GTE',
  LT = 'LT',
  LTE = 'LTE',
}
registerEnumType(ComparisonOp, { name: 'ComparisonOp', description: '>, >=, <, <=' });

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

@ObjectType({ description: 'A condition on one metric of some or all collectors of the tenant.' })
export class AlertRule {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'A column of docs/metrics.md, e.g. cpu_user (empty for SILENT rules).' })
  metric!: string;

  @Field(() => [CollectorRef], { nullable: true, description: 'The collectors judged; null: every collector of the tenant.' })
  collectors!: CollectorRef[] | null;

  @Field(() => AlertRuleKind)
  kind!: AlertRuleKind;

  @Field(() => ComparisonOp, { nullable: true })
  op!: ComparisonOp | null;

  @Field(() => Float, { nullable: true })
  threshold!: number | null;

  @Field(() => Int, { description: 'THRESHOLD: seconds averaged (0: each point alone).' })
  windowSeconds!: number;

  @Field(() => Float, { nullable: true })
  zScore!: number | null;

  @Field(() => Int, { description: 'ANOMALY: points learnt before the rule may fire.' })
  warmupPoints!: number;

  @Field(() => Int, { nullable: true })
  silentSeconds!: number | null;

  @Field(() => Int, { description: 'How long the condition must hold before the alert fires.' })
  forSeconds!: number;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field({ description: 'Template: {{value}}, {{metric}}, {{collector}}, {{threshold}}, {{rule}}, {{severity}}.' })
  summary!: string;

  @Field()
  enabled!: boolean;

  @Field()
  createdAt!: Date;
}

@InputType({ description: 'A new rule, or the full replacement of one.' })
export class AlertRuleInput {
  @Field()
  name!: string;

  @Field({ nullable: true, description: 'A column of docs/metrics.md (cpu_user or cpuUser); required unless kind is SILENT.' })
  metric?: string;

  @Field(() => [ID], { nullable: true, description: 'One or more collectors; omitted: all of the tenant, new ones included.' })
  collectorIds?: string[];

  @Field(() => AlertRuleKind)
  kind!: AlertRuleKind;

  @Field(() => ComparisonOp, { nullable: true })
  op?: ComparisonOp;

  @Field(() => Float, { nullable: true })
  threshold?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  windowSeconds?: number;

  @Field(() => Float, { nullable: true, defaultValue: 4 })
  zScore?: number;

  @Field(() => Int, { nullable: true, defaultValue: 30 })
  warmupPoints?: number;

  @Field(() => Int, { nullable: true })
  silentSeconds?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  forSeconds?: number;

  @Field(() => AlertSeverity, { nullable: true, defaultValue: AlertSeverity.WARNING })
  severity?: AlertSeverity;

  @Field({ nullable: true })
  summary?: string;

  @Field({ nullable: true, defaultValue: true })
  enabled?: boolean;
}
