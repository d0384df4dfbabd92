import { ref, RoleEnum, type Role, UserRef } from '@perfanalysis/platform';
import { Field, ObjectType } from 'type-graphql';
import type { TenantEntity } from '../tenant/tenant.entity.js';
import { Tenant } from '../tenant/tenant.type.js';
import type { MembershipEntity } from './membership.entity.js';

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

  static from(entity: MembershipEntity, tenant: TenantEntity): Membership {
    return Object.assign(new Membership(), {
      user: ref(UserRef, entity.userId),
      tenant: Tenant.from(tenant),
      role: entity.role,
      since: entity.createdAt,
    });
  }
}
