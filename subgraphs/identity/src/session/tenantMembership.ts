import { ForbiddenError, type Role, UnauthenticatedError } from '@perfanalysis/platform';
import type { Pool } from 'pg';

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
export async function chooseTenant(pool: Pool, userId: string, wanted: { slug?: string; id?: string }): Promise<TenantSeat | null> {
  const { rows } = await pool.query<{ tenant_id: string; slug: string; name: string; role: Role; active: boolean }>(
    `SELECT m.tenant_id, t.slug, t.name, m.role, t.active FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id
      WHERE m.user_id = $1 ORDER BY m.created_at, t.slug`,
    [userId],
  );
  const explicit = wanted.slug !== undefined || wanted.id !== undefined;
  const seat = explicit ? rows.find((r) => r.slug === wanted.slug || r.tenant_id === wanted.id) : rows.find((r) => r.active);
  if (!seat) {
    if (explicit) throw new ForbiddenError('You are not a member of that tenant.');
    return null;
  }
  if (!seat.active) throw new UnauthenticatedError('That tenant is deactivated.');
  return { tenantId: seat.tenant_id, slug: seat.slug, name: seat.name, role: seat.role };
}
