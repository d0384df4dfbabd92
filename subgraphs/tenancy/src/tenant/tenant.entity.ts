import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** A customer organisation (partner); its data lives in schema `tenant_<slug>`. */
@Entity({ tableName: 'tenants', schema: 'public' })
export class TenantEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', nullable: true })
  paidUntil?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdOn!: Date;

  @Property({ type: 'integer', default: 90 })
  retentionDays: number = 90;

  @Property({ type: 'text' })
  schemaName!: string;
}
