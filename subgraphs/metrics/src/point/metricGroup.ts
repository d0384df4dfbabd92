import { METRIC_GROUPS, type MetricColumn, type MetricGroup } from '@perfanalysis/contract';
import { registerEnumType } from 'type-graphql';

/** The metric groups of docs/metrics.md as a GraphQL enum (values are the contract's group names). */
export enum MetricGroupEnum {
  CPU = 'cpu',
  MEMORY = 'memory',
  DISK = 'disk',
  NETWORK = 'network',
  LOAD = 'load',
}
registerEnumType(MetricGroupEnum, { name: 'MetricGroup', description: 'cpu, memory, disk, network or load columns of docs/metrics.md.' });

/** The columns of the given groups (every column when none are given). */
export function columnsOfGroups(groups: readonly MetricGroupEnum[] | null | undefined): MetricColumn[] {
  const chosen = groups?.length ? groups : Object.values(MetricGroupEnum);
  return chosen.flatMap((g) => [...METRIC_GROUPS[g as MetricGroup]]);
}
