import { NotFoundError, queryById, ref, type Role, UserRef } from '@perfanalysis/platform';
import type { Pool, PoolClient } from 'pg';
import { Invitation, type InvitationStatus } from './invitation.type.js';

interface InvitationRow {
  id: string;
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  status: InvitationStatus;
}

/** An expired invitation keeps status PENDING in the table; its answer says EXPIRED. */
const SELECT = `SELECT i.id, i.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, i.email, i.role, i.invited_by,
  i.created_at, i.expires_at, CASE WHEN i.status = 'PENDING' AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END AS status
  FROM invitation i JOIN public.tenants t ON t.id = i.tenant_id`;

function toInvitation(row: InvitationRow): Invitation {
  return Object.assign(new Invitation(), {
    id: row.id,
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by ? ref(UserRef, row.invited_by) : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: row.status,
  });
}

async function select(pool: Pool, where: string, values: unknown[]): Promise<Invitation[]> {
  const { rows } = await pool.query<InvitationRow>(`WITH invitation AS (SELECT * FROM public.invitations) ${SELECT} ${where}`, values);
  return rows.map(toInvitation);
}

/** Invites `email` to the tenant; inviting again while one is pending renews it (new role, inviter, expiry). */
export async function invite(
  pool: Pool,
  invitation: { tenantId: string; email: string; role: Role; invitedBy: string; ttlMs: number },
): Promise<Invitation> {
  const { rows } = await pool.query<InvitationRow>(
    `WITH invitation AS (
       INSERT INTO public.invitations (tenant_id, email, role, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond')
       ON CONFLICT (tenant_id, email) WHERE status = 'PENDING'
       DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by, created_at = now(), expires_at = EXCLUDED.expires_at
       RETURNING *)
     ${SELECT}`,
    [invitation.tenantId, invitation.email, invitation.role, invitation.invitedBy, invitation.ttlMs],
  );
  return toInvitation(rows[0]!);
}

/** The pending, unexpired invitations addressed to `email`, newest first. */
export function pendingFor(pool: Pool, email: string): Promise<Invitation[]> {
  return select(pool, `WHERE i.email = $1 AND i.status = 'PENDING' AND i.expires_at > now() ORDER BY i.created_at DESC`, [email]);
}

/** Every invitation of the tenant, newest first (the most recent 500). */
export function ofTenant(pool: Pool, tenantId: string): Promise<Invitation[]> {
  return select(pool, 'WHERE i.tenant_id = $1 ORDER BY i.created_at DESC LIMIT 500', [tenantId]);
}

/**
 * Closes a pending, unexpired invitation matching `match` (its id plus the invitee's e-mail,
 * or the ADMIN's tenant). Anything else — another e-mail's or tenant's invitation, an unknown,
 * spent or malformed id — is the same NOT_FOUND, so the answer tells nothing about it.
 */
export async function close(
  db: Pool | PoolClient,
  id: string,
  match: { email: string } | { tenantId: string },
  status: 'ACCEPTED' | 'DECLINED' | 'REVOKED',
): Promise<{ tenantId: string; email: string; role: Role }> {
  const [column, value] = 'email' in match ? ['email', match.email] : ['tenant_id', match.tenantId];
  const { rows } = await queryById<{ tenant_id: string; email: string; role: Role }>(
    db,
    `UPDATE public.invitations SET status = $3, responded_at = now()
      WHERE id = $1 AND ${column} = $2 AND status = 'PENDING' AND expires_at > now() RETURNING tenant_id, email, role`,
    [id, value, status],
  );
  if (!rows[0]) throw new NotFoundError('No pending invitation with that id is open to you.');
  return { tenantId: rows[0].tenant_id, email: rows[0].email, role: rows[0].role };
}
