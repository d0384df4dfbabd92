/**
 * Runs the benchmarks (`bench/*.bench.ts`) with the e2e project's setup: TypeScript sources,
 * a disposable platform per file, real PostgreSQL (and Redis when it answers).
 *   npx jest -c bench/jest.config.js [bench/seriesAndExport]
 * The platform's own config stays `test` (set by the test environment); only libraries that
 * read NODE_ENV themselves see `production`.
 */
const root = require('../jest.config.js');

// Measure as deployed: graphql-js checks every value it completes with a slow cross-realm
// `instanceOf` unless NODE_ENV is production (a 10,000-value series costs ~3× more).
process.env.NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';
const e2e = root.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  ...e2e,
  rootDir: '..',
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 900_000,
};
