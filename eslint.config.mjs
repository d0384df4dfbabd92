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
    files: ['subgraphs/**/*.ts'],
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
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
