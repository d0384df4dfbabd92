import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'proc');

const created: string[] = [];
// Every temporary directory a test file made goes when the file is done.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The steps (t0, t1, …) of a captured or hand-made /proc sequence, in order. */
export function fixtureSteps(sequence: string): string[] {
  return readdirSync(join(FIXTURES, sequence))
    .filter((name) => /^t\d+$/.test(name))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** A private proc root that shows one step of a sequence at a time, as /proc would over time. */
export interface FixtureProc {
  readonly root: string;
  readonly steps: readonly string[];
  /** Replaces the root's files with step `index`. */
  show(index: number): void;
  /** Shows the next step; returns false past the last one. */
  next(): boolean;
  remove(): void;
}

export function fixtureProc(sequence: string): FixtureProc {
  const root = tempDir(`proc-${sequence}`);
  const steps = fixtureSteps(sequence);
  let current = -1;
  const show = (index: number): void => {
    const step = steps[index];
    if (step === undefined) throw new Error(`${sequence} has no step ${index}`);
    for (const entry of readdirSync(root)) rmSync(join(root, entry), { recursive: true, force: true });
    cpSync(join(FIXTURES, sequence, step), root, { recursive: true });
    current = index;
  };
  show(0);
  return {
    root,
    steps,
    show,
    next: () => {
      if (current + 1 >= steps.length) return false;
      show(current + 1);
      return true;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `perfagent-${prefix}-`));
  created.push(dir);
  return dir;
}
