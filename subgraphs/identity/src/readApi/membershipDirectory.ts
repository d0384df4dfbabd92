import type { Role } from '@perfanalysis/platform';
import type { Queryable } from './index.js';

/**
 * What identity needs to know of memberships, which tenancy owns (docs/migrations.md "Ports").
 * Tenancy comes after identity in ownership order and may read identity, not the other way
 * round: identity declares this port, published here for tenancy's read module to implement,
 * and the composition root (launcher/src/subgraphs.ts) hands that implementation to identity.
 */
export interface MembershipDirectory {
  /** The user's seats, oldest membership first (ties by slug), deactivated tenants included. */
  membershipSeats(db: Queryable, userId: string): Promise<readonly MembershipSeat[]>;
  /** Whether the user belongs to the tenant. */
  isMember(db: Queryable, userId: string, tenantId: string): Promise<boolean>;
}

/** A user's membership of one tenant, with what identity needs of the tenant. */
export interface MembershipSeat {
  readonly tenantId: string;
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
  /** Whether the tenant is active. */
  readonly active: boolean;
}
