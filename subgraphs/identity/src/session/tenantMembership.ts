import { ForbiddenError, type Role, UnauthenticatedError } from '@perfanalysis/platform';
import type { Queryable } from '../readApi/index.js';
import type { MembershipDirectory } from '../readApi/membershipDirectory.js';

export interface TenantSeat {
  readonly tenantId: string;
  readonly slug: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * Which tenant a session binds to: the one asked for (by slug or id), else the Host
 * domain's, else the user's oldest membership, else none. Asking for a tenant the user does
 * not belong to, or one that is deactivated, is refused.
 */
export async function chooseTenant(
  directory: MembershipDirectory,
  db: Queryable,
  userId: string,
  wanted: { slug?: string; id?: string },
): Promise<TenantSeat | null> {
  const seats = await directory.membershipSeats(db, userId);
  const explicit = wanted.slug !== undefined || wanted.id !== undefined;
  const seat = explicit ? seats.find((s) => s.slug === wanted.slug || s.tenantId === wanted.id) : seats.find((s) => s.active);
  if (!seat) {
    if (explicit) throw new ForbiddenError('You are not a member of that tenant.');
    return null;
  }
  if (!seat.active) throw new UnauthenticatedError('That tenant is deactivated.');
  return { tenantId: seat.tenantId, slug: seat.slug, name: seat.name, role: seat.role };
}
