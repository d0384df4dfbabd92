import { Entity, PrimaryKey, Property } from '@mikro-orm/postgresql';

/**
 * One refresh token of a rotating family. A family is one login session: every refresh
 * spends the presented token and issues its successor; presenting a spent one again
 * means it was stolen, and the whole family is revoked.
 */
@Entity({ tableName: 'refresh_tokens', schema: 'public' })
export class RefreshTokenEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  spentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
