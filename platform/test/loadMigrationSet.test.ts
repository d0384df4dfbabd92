import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMigrationSet } from '../src/db/migrations/loadMigrationSet.js';

describe('loadMigrationSet', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes every NNNN_name file of public/ and tenant/ in name order, its id from the name', () => {
    write('public/0002_second.js', "exports.migration = { sql: () => 'SELECT 2' };");
    write('public/0001_first.js', "exports.migration = { supersedes: '0001_init', sql: () => 'SELECT 1' };");
    write('public/0001_first.d.ts', 'export {};');
    write('public/0001_first.js.map', '{}');
    write('public/notes.md', 'not a migration');
    write('tenant/0001_points.js', 'exports.migration = { sql: (s) => `CREATE TABLE ${s}.t ()` };');

    const set = loadMigrationSet('metrics', dir);

    expect(set.owner).toBe('metrics');
    expect(set.public.map((m) => [m.id, m.supersedes, m.sql('x')])).toEqual([
      ['0001_first', '0001_init', 'SELECT 1'],
      ['0002_second', undefined, 'SELECT 2'],
    ]);
    expect(set.tenant.map((m) => m.sql('"tenant_a"'))).toEqual(['CREATE TABLE "tenant_a".t ()']);
  });

  it('gives an owner without a folder no migrations there', () => {
    write('tenant/0001_only.js', "exports.migration = { sql: () => '' };");
    expect(loadMigrationSet('alerts', dir).public).toEqual([]);
  });

  it('names a migration file that exports no migration', () => {
    write('tenant/0001_typo.js', "exports.migratoin = { sql: () => '' };");
    expect(() => loadMigrationSet('alerts', dir)).toThrow(/0001_typo\.js exports no `migration`/);
  });
});
