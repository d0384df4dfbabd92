import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('TrickleAck', { description: 'What was stored of a trickled batch.' })
export class TrickleAck {
  @Field(() => Int, { description: 'Points stored now.' })
  accepted!: number;

  @Field(() => Int, { description: 'Points already stored earlier (a replay): skipped, harmless.' })
  duplicates!: number;

  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Field(() => Date, { nullable: true })
  to!: Date | null;
}
