import { archiveLinkKey, parseArchiveLink } from '../src/archive/archiveLink.js';

const ARCHIVE_ID = '0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d';

describe('parseArchiveLink', () => {
  it('reads the shape links are written in: the tenant slug and the archive id', () => {
    expect(parseArchiveLink(JSON.stringify({ tenant: 'acme', archiveId: ARCHIVE_ID }))).toEqual({ tenant: 'acme', archiveId: ARCHIVE_ID });
  });

  it('still reads a link written before the change, which stored the schema (until one link lifetime has passed)', () => {
    expect(parseArchiveLink(JSON.stringify({ schema: 'tenant_acme_2', archiveId: ARCHIVE_ID }))).toEqual({
      tenant: 'acme_2',
      archiveId: ARCHIVE_ID,
    });
  });

  it('refuses an old link whose schema is not a tenant schema', () => {
    expect(() => parseArchiveLink(JSON.stringify({ schema: 'public', archiveId: ARCHIVE_ID }))).toThrow('unexpected schema name');
    expect(() => parseArchiveLink(JSON.stringify({ schema: 'tenant_"x', archiveId: ARCHIVE_ID }))).toThrow('unexpected schema name');
  });

  it('names nothing when the value holds no archive id or no tenant', () => {
    expect(parseArchiveLink(JSON.stringify({ tenant: 'acme' }))).toBeUndefined();
    expect(parseArchiveLink(JSON.stringify({ archiveId: ARCHIVE_ID }))).toBeUndefined();
  });
});

describe('archiveLinkKey', () => {
  it('keys a link by its token’s SHA-256 only', () => {
    const token = 'a'.repeat(43);
    expect(archiveLinkKey(token)).toMatch(/^reports:archive-link:[0-9a-f]{64}$/);
    expect(archiveLinkKey(token)).not.toContain(token);
  });
});
