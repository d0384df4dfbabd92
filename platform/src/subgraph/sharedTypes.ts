import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The Role enum, identical in every subgraph that uses it (composition requires it). */
export enum RoleEnum {
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  VIEWER = 'VIEWER',
}
registerEnumType(RoleEnum, { name: 'Role', description: 'Role within one tenant: ADMIN ⊇ ANALYST ⊇ VIEWER.' });

/** A User owned by the identity subgraph, referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** A Tenant owned by the tenancy subgraph, referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Tenant')
export class TenantRef {
  @Field(() => ID)
  id!: string;
}

/**
 * A Tenant with the two fields every session answer needs, served by the subgraph that
 * already read them (shareable), so a login need not ask tenancy on an anonymous request.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Tenant')
export class TenantSummary {
  @Field(() => ID)
  id!: string;

  @Directive('@shareable')
  @Field()
  slug!: string;

  @Directive('@shareable')
  @Field()
  name!: string;
}

/** A Collector owned by the collectors subgraph, referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Collector')
export class CollectorRef {
  @Field(() => ID)
  id!: string;
}

export function ref<T extends { id: string }>(Type: new () => T, id: string): T {
  return Object.assign(new Type(), { id });
}
