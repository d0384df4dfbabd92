/**
 * Two projects: `unit` (pure code, *.test.ts) and `e2e` (the running platform against real
 * PostgreSQL and Redis, *.e2e.ts). Workspace packages resolve to their TypeScript sources so
 * tests never depend on a stale `dist/`. hyparquet-writer (and hyparquet under it) ship ES modules
 * only: Node loads them with require(), Jest's module registry does not, so ts-jest compiles them.
 */
const ESM_ONLY = '(hyparquet|hyparquet-writer)';
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    [`/node_modules/${ESM_ONLY}/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  moduleNameMapper: {
    '^@perfanalysis/subgraph-([a-z]+)/read$': '<rootDir>/subgraphs/$1/src/readApi/index.ts',
    '^@perfanalysis/subgraph-(.*)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^@perfanalysis/testenv$': '<rootDir>/internal/testenv/src/index.ts',
    '^@perfanalysis/contract/wire/(.*)$': '<rootDir>/contract/src/wire/$1.ts',
    '^@perfanalysis/(platform|contract|reports|sdk|agent|gateway|launcher)$': '<rootDir>/$1/src/index.ts',
    '^d3$': '<rootDir>/node_modules/d3/dist/d3.min.js',
  },
  resolver: '<rootDir>/internal/testenv/jestResolver.js',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/internal/testenv/unitTimeout.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.ts'],
      globalSetup: '<rootDir>/internal/testenv/src/globalSetup.ts',
      setupFilesAfterEnv: ['<rootDir>/internal/testenv/e2eTimeout.js'],
    },
  ],
};
