import type { Role } from '@perfanalysis/platform';
import type { Queryable } from '../readApi/index.js';

/**
 * Tenancy's writes for operator tools (the admin CLI), which run beside the services rather
 * than through the API. Announcing a change to running services is the caller's part.
 */

/** Makes the user a member of the tenant with this role (or changes their role); false when no tenant has the slug. */
export async function grantMembership(db: Queryable, userId: string, slug: string, role: Role): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO public.memberships (user_id, tenant_id, role) SELECT $1, id, $3 FROM public.tenants WHERE slug = $2
     ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = EXCLUDED.role`,
    [userId, slug, role],
  );
  return (rowCount ?? 0) > 0;
}

/** What an operator may set on a tenant. */
export interface TenantSettings {
  readonly active?: boolean;
  readonly paidUntil?: Date | null;
  readonly retentionDays?: number;
}

const COLUMN: Record<keyof TenantSettings, string> = { active: 'active', paidUntil: 'paid_until', retentionDays: 'retention_days' };

/** Sets the given settings of the tenant with this slug; its id, or null when there is none. */
export async function updateTenantSettings(db: Queryable, slug: string, settings: TenantSettings): Promise<string | null> {
  const entries = (Object.keys(COLUMN) as (keyof TenantSettings)[]).filter((key) => settings[key] !== undefined);
  if (entries.length === 0) throw new Error('updateTenantSettings: nothing to set');
  const sets = entries.map((key, i) => `${COLUMN[key]} = $${i + 2}`).join(', ');
  const { rows } = await db.query<{ id: string }>(`UPDATE public.tenants SET ${sets} WHERE slug = $1 RETURNING id`, [
    slug,
    ...entries.map((key) => settings[key]),
  ]);
  return rows[0]?.id ?? null;
}
