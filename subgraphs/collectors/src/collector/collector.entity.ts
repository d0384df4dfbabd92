import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** A machine that sends metrics; lives in its tenant's schema (`schema: '*'`). */
@Entity({ tableName: 'collectors', schema: '*' })
export class CollectorEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text', unique: true })
  machineId!: string;

  @Property({ type: 'text' })
  hostname!: string;

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  platform: string | null = null;

  @Property({ type: 'text', nullable: true })
  site: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  lastSeen: Date | null = null;
}

/** A collector's columns as plain data: a row read without hydrating an entity (collectorRows.ts). */
export type CollectorRow = Readonly<Pick<CollectorEntity, keyof CollectorEntity>>;
