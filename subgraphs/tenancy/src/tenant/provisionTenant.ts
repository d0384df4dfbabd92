import {
  assertTenantSlug,
  BadUserInputError,
  conflictOnDuplicate,
  provisionTenantSchema,
  type Role,
  tenantSchemaName,
  withMigrationLock,
  type Runtime,
} from '@perfanalysis/platform';

export interface ProvisionTenantInput {
  readonly slug: string;
  readonly name: string;
  readonly retentionDays?: number;
  /** Becomes the tenant's first ADMIN. */
  readonly ownerUserId?: string;
  readonly primaryDomain?: string;
}

export interface ProvisionedTenant {
  readonly id: string;
  readonly slug: string;
  readonly schemaName: string;
}

export function validateTenantName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length < 1 || trimmed.length > 200 || /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) {
    throw new BadUserInputError('A tenant name is 1–200 printable characters (no control or bidi-override characters).', { field: 'name' });
  }
  return trimmed;
}

/** Lower-case host name without port; refuses anything that is not a plausible DNS name. */
export function normaliseHost(host: string): string {
  const value = typeof host === 'string' ? host.trim().toLowerCase().replace(/:\d+$/, '') : '';
  if (value.length > 253 || !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(value)) {
    throw new BadUserInputError('A domain is a DNS host name such as metrics.example.com.', { field: 'host' });
  }
  return value;
}

/**
 * Creates the tenant row, its schema with every owner's tenant migrations (`runtime.migrations`), its owner membership and
 * primary domain in ONE transaction: a failure at any step leaves nothing behind.
 */
export async function provisionTenant(runtime: Runtime, input: ProvisionTenantInput): Promise<ProvisionedTenant> {
  const slug = assertTenantSlug(input.slug);
  const name = validateTenantName(input.name);
  const retentionDays = input.retentionDays ?? 90;
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
    throw new BadUserInputError('Retention is 1–3650 days.', { field: 'retentionDays' });
  }
  const host = input.primaryDomain === undefined ? undefined : normaliseHost(input.primaryDomain);
  const schemaName = tenantSchemaName(slug);
  return conflictOnDuplicate(
    () =>
      withMigrationLock(runtime.db.pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          'INSERT INTO public.tenants (slug, name, retention_days, schema_name) VALUES ($1, $2, $3, $4) RETURNING id',
          [slug, name, retentionDays, schemaName],
        );
        const id = rows[0]!.id;
        await provisionTenantSchema(client, schemaName, runtime.migrations);
        if (input.ownerUserId) {
          const role: Role = 'ADMIN';
          await client.query('INSERT INTO public.memberships (user_id, tenant_id, role) VALUES ($1, $2, $3)', [
            input.ownerUserId,
            id,
            role,
          ]);
        }
        if (host) await client.query('INSERT INTO public.domains (host, tenant_id, is_primary) VALUES ($1, $2, true)', [host, id]);
        return { id, slug, schemaName };
      }),
    { message: 'That tenant slug or domain is taken.', field: 'slug' },
  );
}
