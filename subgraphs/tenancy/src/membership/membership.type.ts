import { RoleEnum, type Role, UserRef } from '@perfanalysis/platform';
import { Field, ObjectType } from 'type-graphql';
import { Tenant } from '../tenant/tenant.type.js';

@ObjectType('Membership')
export class Membership {
  @Field(() => UserRef)
  user!: UserRef;

  @Field(() => Tenant)
  tenant!: Tenant;

  @Field(() => RoleEnum)
  role!: Role;

  @Field()
  since!: Date;
}
