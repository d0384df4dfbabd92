import type { MembershipDirectory, MembershipSeat } from '@perfanalysis/subgraph-identity/read';
import type { Queryable } from './index.js';

/**
 * Memberships as identity (login, tenant choice, who may see a user: its `MembershipDirectory`
 * port) and the gateway (a token's seat) read them, without naming `public.memberships`.
 * Re-exported by `./index`.
 */

const SEAT = 'm.tenant_id AS "tenantId", t.slug, t.name, m.role, t.active';
const FROM = 'FROM public.memberships m JOIN public.tenants t ON t.id = m.tenant_id';

/** Every tenant the user belongs to, oldest membership first (ties by slug). */
export async function membershipSeats(db: Queryable, userId: string): Promise<MembershipSeat[]> {
  const { rows } = await db.query<MembershipSeat>(`SELECT ${SEAT} ${FROM} WHERE m.user_id = $1 ORDER BY m.created_at, t.slug`, [userId]);
  return rows;
}

/** The user's seat in this tenant, or null when they are not a member. */
export async function membershipSeat(db: Queryable, userId: string, tenantId: string): Promise<MembershipSeat | null> {
  const { rows } = await db.query<MembershipSeat>(`SELECT ${SEAT} ${FROM} WHERE m.user_id = $1 AND m.tenant_id = $2`, [userId, tenantId]);
  return rows[0] ?? null;
}

/** Whether the user belongs to this tenant (whatever the tenant's state). */
export async function isMember(db: Queryable, userId: string, tenantId: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM public.memberships WHERE user_id = $1 AND tenant_id = $2', [userId, tenantId]);
  return (rowCount ?? 0) > 0;
}

/** Identity's port, as the launcher hands it to identity (docs/migrations.md "Ports"). */
export const membershipDirectory: MembershipDirectory = { membershipSeats, isMember };
