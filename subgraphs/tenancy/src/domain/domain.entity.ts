import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** A host name that routes to one tenant; each tenant has at most one primary. */
@Entity({ tableName: 'domains', schema: 'public' })
export class DomainEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text', unique: true })
  host!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'boolean', default: false })
  isPrimary: boolean = false;
}
