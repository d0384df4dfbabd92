/* global process */
// Builds `npm run bench`, `npm run soak` and bench/dist/profileTop.js: the workspace packages with `tsc -b` (both start
// launcher/dist/startService.js and load the packages' dist/), then bench/run.ts,
// bench/soak.ts and bench/profileTop.ts bundled by esbuild into bench/dist/ with the packages left external.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: root, stdio: 'inherit' });
await build({
  entryPoints: {
    run: path.join(root, 'bench/run.ts'),
    soak: path.join(root, 'bench/soak.ts'),
    profileTop: path.join(root, 'bench/profileTop.ts'),
  },
  outdir: path.join(root, 'bench/dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  // bench/tsconfig.json maps the workspace packages to their sources for type-checking; at run time they are their dist/.
  external: ['@perfanalysis/*'],
  tsconfigRaw: { compilerOptions: { target: 'ES2022' } },
  sourcemap: true,
  logLevel: 'warning',
});
