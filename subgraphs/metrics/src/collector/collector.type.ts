import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The Collector entity as the metrics subgraph extends it (its metric fields). */
@Directive('@key(fields: "id")')
@ObjectType('Collector', { simpleResolvers: true })
export class MetricsCollector {
  @Field(() => ID)
  id!: string;
}

export function collectorOf(id: string): MetricsCollector {
  return Object.assign(new MetricsCollector(), { id });
}
