import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';

@InputType()
export class ProvisionTenantInput {
  @Field({ description: 'Lower-case letter, then letters, digits or underscores; 3–40 characters.' })
  @MaxLength(40)
  slug!: string;

  @Field()
  @MaxLength(200)
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused (FORBIDDEN): a tenant keeps 90 days until the operator sets it with `npm run admin -- set-retention`.',
  })
  retentionDays?: number;
}

@InputType()
export class UpdateTenantInput {
  @Field({ nullable: true })
  @MaxLength(200)
  name?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Refused (FORBIDDEN): the operator sets it with `npm run admin -- set-retention`.',
  })
  retentionDays?: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Refused (FORBIDDEN): the operator sets it with `npm run admin -- set-paid-until`.',
  })
  paidUntil?: Date;
}
