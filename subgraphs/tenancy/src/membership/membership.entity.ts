import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';
import type { Role } from '@perfanalysis/platform';

/** A user's role in one tenant. */
@Entity({ tableName: 'memberships', schema: 'public' })
export class MembershipEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text' })
  role!: Role;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
