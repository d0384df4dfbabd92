import pg from 'pg';
import { tenantSchemaName, tenantSlugOfSchema } from '../src/db/identifiers.js';
import { bindTenant } from '../src/db/tenantDb.js';

describe('tenantSlugOfSchema', () => {
  it('gives back the slug a tenant schema was named from', () => {
    for (const slug of ['acme', 'acme_2', 'a0_b1_c2']) expect(tenantSlugOfSchema(tenantSchemaName(slug))).toBe(slug);
  });

  it('refuses anything but a tenant schema of a valid slug', () => {
    for (const schema of ['public', 'tenant_', 'tenant_ab', 'tenant_Acme', 'tenant_acme"; DROP', 'xtenant_acme', '"tenant_acme"']) {
      expect(() => tenantSlugOfSchema(schema)).toThrow('refusing an unexpected schema name');
    }
  });
});

describe('TenantDb.tenant', () => {
  // A pool connects only when asked to query; these handles never do.
  const pool = new pg.Pool();
  afterAll(() => pool.end());

  it('is the slug the handle was bound to', () => {
    const db = bindTenant(pool, 'acme_2');
    expect(db.tenant).toBe('acme_2');
    expect(db.table('report_archive')).toBe('"tenant_acme_2"."report_archive"');
  });
});
