/* global process, console */
// Bundles the dashboard into dashboard/public/ (app.js, app.css, index.html, favicon.svg):
// every asset local, nothing fetched from another origin. `node dashboard/build.mjs [--dev] [--watch]`.
// Files are written to a temporary name and renamed, so parallel builds (e.g. test files) and a
// gateway serving the folder never see a half-written bundle.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DIR = path.join(here, 'public');

async function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, contents);
  await rename(tmp, file);
}

/** esbuild options of the bundle; `dev` keeps it readable. */
export function buildOptions({ dev = false } = {}) {
  return {
    absWorkingDir: here,
    entryPoints: { app: 'src/main.ts' },
    outdir: PUBLIC_DIR,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: !dev,
    sourcemap: 'linked',
    legalComments: 'linked',
    charset: 'utf8',
    tsconfig: path.join(here, 'tsconfig.json'),
    alias: {
      '@perfanalysis/sdk': path.join(here, '../sdk/src/index.ts'),
      '@perfanalysis/contract/wire/closeCodes': path.join(here, '../contract/src/wire/closeCodes.ts'),
    },
    loader: { '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    logLevel: 'warning',
    metafile: true,
    write: false,
  };
}

async function writeOutputs(result) {
  await mkdir(PUBLIC_DIR, { recursive: true });
  await Promise.all(result.outputFiles.map((file) => writeAtomic(file.path, file.contents)));
  await writeAtomic(path.join(PUBLIC_DIR, 'index.html'), await readFile(path.join(here, 'src/index.html')));
  const favicon = path.join(PUBLIC_DIR, 'favicon.svg');
  await copyFile(path.join(here, 'src/favicon.svg'), `${favicon}.${process.pid}.tmp`);
  await rename(`${favicon}.${process.pid}.tmp`, favicon);
}

/** Builds once; resolves with the output files' sizes. */
export async function buildDashboard({ dev = false } = {}) {
  const result = await esbuild.build(buildOptions({ dev }));
  await writeOutputs(result);
  return Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, out]) => [file, out.bytes]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dev = process.argv.includes('--dev');
  if (process.argv.includes('--watch')) {
    const ctx = await esbuild.context({
      ...buildOptions({ dev }),
      plugins: [
        {
          name: 'write',
          setup(build) {
            build.onEnd(async (result) => {
              if (result.errors.length === 0) {
                await writeOutputs(result);
                console.log(`dashboard rebuilt ${new Date().toISOString()}`);
              }
            });
          },
        },
      ],
    });
    await ctx.watch();
    console.log(`watching dashboard/src → ${path.relative(process.cwd(), PUBLIC_DIR)}`);
  } else {
    const started = Date.now();
    const sizes = await buildDashboard({ dev });
    const summary = Object.entries(sizes)
      .filter(([file]) => !file.endsWith('.map') && !file.endsWith('.LEGAL.txt'))
      .map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KB`)
      .join(', ');
    console.log(`dashboard built in ${Date.now() - started} ms: ${summary}`);
  }
}
