import { BadUserInputError } from '../errors/BadUserInputError.js';

/** A tenant slug: lower-case letter first, then letters, digits or underscores; 3–40 chars. */
export const TENANT_SLUG_PATTERN = /^[a-z][a-z0-9_]{2,39}$/;

export function assertTenantSlug(slug: string): string {
  if (typeof slug !== 'string' || !TENANT_SLUG_PATTERN.test(slug)) {
    throw new BadUserInputError('A tenant slug is 3–40 characters: a lower-case letter, then lower-case letters, digits or underscores.', {
      field: 'slug',
    });
  }
  return slug;
}

/** The PostgreSQL schema owning a tenant's data. Only ever built from a validated slug. */
export function tenantSchemaName(slug: string): string {
  return `tenant_${assertTenantSlug(slug)}`;
}

/**
 * The slug of a `tenant_<slug>` schema name (the inverse of `tenantSchemaName`), for reading a
 * reference stored before it carried the slug; anything else is refused.
 */
export function tenantSlugOfSchema(schema: string): string {
  const slug = /^tenant_(.*)$/.exec(schema)?.[1];
  if (slug === undefined || !TENANT_SLUG_PATTERN.test(slug)) throw new Error('refusing an unexpected schema name');
  return slug;
}

/** Quotes a validated schema name for DDL, where bind parameters are not allowed. */
export function quoteSchema(schema: string): string {
  if (!/^tenant_[a-z][a-z0-9_]{2,39}$/.test(schema) && schema !== 'public') {
    throw new Error(`refusing to quote unexpected schema name`);
  }
  return `"${schema}"`;
}
