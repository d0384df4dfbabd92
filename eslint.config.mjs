import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'sdk/src/generated/**',
      '.data/**',
      'test-artifacts/**',
      'dashboard/public/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    // Layering (docs/migrations.md): platform imports no subgraph; a subgraph reaches another's
    // data only through that owner's published read module or federated fields.
    files: ['platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@perfanalysis/subgraph-', message: 'platform sits below the subgraphs.' }] },
      ],
    },
  },
  {
    files: ['subgraphs/**/*.ts', 'gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@perfanalysis/subgraph-[a-z]+(?!/read$)(/.*)?$',
              message: "Another subgraph's data comes through its read module (@perfanalysis/subgraph-<owner>/read) or federated fields.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tenant data goes through the tenant-bound handle (docs/tenant-db.md): code in these packages
    // never names a tenant schema. Owners' migrations write the DDL for one; tenancy's provisioning
    // records it in the registry.
    files: [
      'subgraphs/identity/src/**/*.ts',
      'subgraphs/tenancy/src/**/*.ts',
      'subgraphs/alerts/src/**/*.ts',
      'subgraphs/collectors/src/**/*.ts',
      'subgraphs/metrics/src/**/*.ts',
      'subgraphs/reports/src/**/*.ts',
      'reports/src/**/*.ts',
      'gateway/src/**/*.ts',
      'launcher/src/**/*.ts',
    ],
    ignores: ['subgraphs/*/src/migrations/**', 'subgraphs/tenancy/src/tenant/provisionTenant.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['quoteSchema', 'tenantSchemaName'].map((name) => ({
          selector: `ImportSpecifier[imported.name='${name}']`,
          message: 'Reach tenant tables through ctx.tenantDb() or bindTenant(): db.table(name) (docs/tenant-db.md).',
        })),
        ...['tenantSchema', 'schemaName', 'schema_name'].map((name) => ({
          selector: `MemberExpression[property.name='${name}'], Property[key.name='${name}']`,
          message: 'Code here never names a tenant schema: use ctx.tenantDb() or bindTenant() (docs/tenant-db.md).',
        })),
        {
          selector: 'TemplateElement[value.raw=/(tenant_$|"tenant_)/], TemplateLiteral > Identifier[name=/schema/i]',
          message: 'No schema name built or interpolated by hand: db.table(name) quotes and qualifies (docs/tenant-db.md).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
