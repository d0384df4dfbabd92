import * as fs from 'node:fs';
import * as path from 'node:path';

const OUTPUT_DIR = path.join(__dirname, '..', 'output');

/**
 * Makes an SVG comparable across runs the way Observable Plot's tests do: generated ids are
 * renamed in order of appearance (with every reference to them), and each tag goes on a line
 * of its own so a failing diff points at the element that changed.
 */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(match[1]!)) ids.set(match[1]!, `id-${ids.size}`);
  }
  const rename = (id: string): string => ids.get(id) ?? id;
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${rename(id)}"`)
    .replace(/aria-labelledby="([^"]+)"/g, (_, refs: string) => `aria-labelledby="${refs.split(/\s+/).map(rename).join(' ')}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`)
    .replace(/></g, '>\n<')
    .trimEnd()
    .concat('\n');
}

/**
 * Compares `svg` with `test/output/<name>.svg`. On a mismatch writes `<name>-changed.svg`
 * beside it and fails (accept a change by moving that file over the snapshot). A missing
 * snapshot is created only when `UPDATE_SNAPSHOTS=1`, and never when `CI=true`.
 */
export function expectSvgSnapshot(name: string, svg: string): void {
  const actual = normalizeSvg(svg);
  const file = path.join(OUTPUT_DIR, `${name}.svg`);
  const changed = path.join(OUTPUT_DIR, `${name}-changed.svg`);
  if (!fs.existsSync(file)) {
    if (process.env.UPDATE_SNAPSHOTS === '1' && process.env.CI !== 'true') {
      fs.mkdirSync(OUTPUT_DIR, { recursive: true });
      fs.writeFileSync(file, actual);
      return;
    }
    const how =
      process.env.CI === 'true' ? 'snapshots are never created in CI; commit it' : 'run the tests with UPDATE_SNAPSHOTS=1 to create it';
    throw new Error(`Snapshot ${path.relative(process.cwd(), file)} is missing; ${how}.`);
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (actual === expected) {
    fs.rmSync(changed, { force: true });
    return;
  }
  fs.writeFileSync(changed, actual);
  throw new Error(
    `${name}.svg differs from its snapshot; the new output is in ${path.relative(process.cwd(), changed)} ` +
      '(move it over the snapshot to accept the change).',
  );
}
