import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { TenantEntity } from './tenant.entity.js';

@ObjectType('Domain')
export class Domain {
  @Field()
  host!: string;

  @Field()
  primary!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType('Tenant', { description: 'A customer organisation; all its data lives in its own PostgreSQL schema.' })
export class Tenant {
  @Field(() => ID)
  id!: string;

  @Directive('@shareable')
  @Field()
  slug!: string;

  @Directive('@shareable')
  @Field()
  name!: string;

  @Field()
  active!: boolean;

  @Field(() => Date, { nullable: true })
  paidUntil!: Date | null;

  @Field()
  createdOn!: Date;

  @Field(() => Int, { description: 'Metric points older than this many days are dropped.' })
  retentionDays!: number;

  static from(entity: TenantEntity): Tenant {
    return Object.assign(new Tenant(), {
      id: entity.id,
      slug: entity.slug,
      name: entity.name,
      active: entity.active,
      paidUntil: entity.paidUntil ?? null,
      createdOn: entity.createdOn,
      retentionDays: entity.retentionDays,
    });
  }
}
