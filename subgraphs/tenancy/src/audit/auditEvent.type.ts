import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEvent', { description: 'Who did what, from where, with which outcome.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field()
  action!: string;

  @Field()
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'User id, `collector:<id>`, or the e-mail tried on a failed login.' })
  actor!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => GraphQLJSONObject)
  details!: Record<string, unknown>;
}
