import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MigrationSet } from '../../platform/src/db/migrations/Migration.js';
import { loadMigrationSet } from '../../platform/src/db/migrations/loadMigrationSet.js';

/**
 * Each table has one owner, the one whose migrations create it; code of any other package
 * reaches the data through the owner's read module or federated fields, never by naming the
 * table in its own SQL (docs/migrations.md "Who reads whose tables").
 */

const ROOT = path.resolve(__dirname, '../..');

/** Production code of every package; migrations are where owners write their DDL. */
const SOURCE_ROOTS = [
  'subgraphs/identity/src',
  'subgraphs/tenancy/src',
  'subgraphs/collectors/src',
  'subgraphs/metrics/src',
  'subgraphs/alerts/src',
  'subgraphs/reports/src',
  'platform/src',
  'gateway/src',
  'launcher/src',
  'reports/src',
  'contract/src',
  'agent/src',
  'internal/testenv/src',
];

/**
 * The migration runner keeps its own ledger (`public.schema_migrations`) and lists the schemas
 * it brings up to date; it is the one part of platform that works below every owner.
 */
const RUNNER = 'platform/src/db/';

/** The owner a file belongs to: a subgraph's folder, platform's audit module, or no owner. */
function ownerOf(file: string): string | null {
  const subgraph = /^subgraphs\/([a-z]+)\//.exec(file);
  if (subgraph) return subgraph[1]!;
  return file.startsWith('platform/src/audit/') ? 'audit' : null;
}

/**
 * Every owner's migrations, found by folder as `migrations/index.ts` loads them (the plan in
 * launcher/src/migrations.ts imports each package whole, which a lint-speed test avoids).
 */
const OWNER_SETS: readonly MigrationSet[] = [
  ...readdirSync(path.join(ROOT, 'subgraphs')).map((owner) =>
    loadMigrationSet(owner, path.join(ROOT, 'subgraphs', owner, 'src/migrations')),
  ),
  loadMigrationSet('audit', path.join(ROOT, 'platform/src/audit/migrations')),
];

/** table → owner, from the CREATE TABLE statements of every owner's migrations. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const set of OWNER_SETS) {
    for (const migration of [...set.public, ...set.tenant]) {
      const sql = migration.sql('"s"');
      for (const match of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(?:public\.|"s"\.)?(\w+)/gi)) {
        owners.set(match[1]!.toLowerCase(), set.owner);
      }
    }
  }
  return owners;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/**
 * The tables a source names: `public.<table>`, a tenant table through `table('<table>')`, an
 * entity's `tableName`, or a public table left unqualified after an SQL keyword.
 */
function tablesNamed(source: string, publicTables: ReadonlySet<string>): Set<string> {
  const code = withoutComments(source);
  const named = new Set<string>();
  for (const match of code.matchAll(/\bpublic\.(\w+)/g)) named.add(match[1]!);
  for (const match of code.matchAll(/\btable\(\s*['"](\w+)['"]\s*\)/g)) named.add(match[1]!);
  for (const match of code.matchAll(/\btableName:\s*['"](\w+)['"]/g)) named.add(match[1]!);
  for (const match of code.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)\b/g)) {
    if (publicTables.has(match[1]!)) named.add(match[1]!);
  }
  return named;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(ROOT, relative)).isDirectory()) return name === 'migrations' ? [] : sourceFiles(relative);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** `file: table (owner)` for every table a file names that its own package does not own. */
function foreignTableReads(): string[] {
  const owners = tableOwners();
  const publicTables = new Set(
    OWNER_SETS.flatMap((set) =>
      set.public.flatMap((m) => [...m.sql('"x"').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(?:public\.)?(\w+)/gi)].map((r) => r[1]!)),
    ),
  );
  const found: string[] = [];
  for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
    if (file.startsWith(RUNNER)) continue;
    for (const table of tablesNamed(readFileSync(path.join(ROOT, file), 'utf8'), publicTables)) {
      const owner = owners.get(table);
      if (owner && owner !== ownerOf(file)) found.push(`${file}: ${table} (${owner})`);
    }
  }
  return found.sort();
}

describe('table ownership', () => {
  it('knows every owner’s tables from its migrations', () => {
    const owners = tableOwners();
    expect(owners.get('users')).toBe('identity');
    expect(owners.get('memberships')).toBe('tenancy');
    expect(owners.get('api_keys')).toBe('collectors');
    expect(owners.get('collectors')).toBe('collectors');
    expect(owners.get('metric_points')).toBe('metrics');
    expect(owners.get('audit_events')).toBe('audit');
    expect(new Set(owners.values())).toEqual(new Set(['identity', 'tenancy', 'audit', 'collectors', 'metrics', 'alerts', 'reports']));
  });

  it('finds a table however the SQL names it, and not in comments', () => {
    const publicTables = new Set(['users', 'tenants']);
    const source = `
      // SELECT 1 FROM public.domains
      /* JOIN public.api_keys */
      const q = 'SELECT id FROM public.memberships m JOIN tenants t ON true';
      const r = \`UPDATE users SET x = 1 FROM \${db.table('collectors')}\`;
      @Entity({ tableName: 'refresh_tokens', schema: 'public' })`;
    expect([...tablesNamed(source, publicTables)].sort()).toEqual(['collectors', 'memberships', 'refresh_tokens', 'tenants', 'users']);
  });

  it('no package names a table another owner owns outside its migrations', () => {
    expect(foreignTableReads()).toEqual([]);
  });
});
