import type { Role } from '@perfanalysis/platform';
import type { Queryable } from '../readApi/index.js';

/**
 * What identity needs to know of memberships, which tenancy owns (docs/migrations.md "Ports").
 * Tenancy comes after identity in ownership order and may read identity, not the other way
 * round: identity declares this port and the composition root (launcher/src/subgraphs.ts)
 * fills it with tenancy's read module.
 */
export interface MembershipDirectory {
  /** The user's seats, oldest membership first (ties by slug), deactivated tenants included. */
  membershipSeats(db: Queryable, userId: string): Promise<readonly MembershipSeat[]>;
  /** Whether the user belongs to the tenant. */
  isMember(db: Queryable, userId: string, tenantId: string): Promise<boolean>;
}

export interface MembershipSeat {
  readonly tenantId: string;
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
}
