import { readFileSync } from 'node:fs';

/** The parts of V8's `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  /** Microseconds on the monotonic clock (the one `process.hrtime` reads). */
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A stretch of the monotonic clock in microseconds (what the fleet part prints per step). */
export interface Window {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Self time of one frame (or one package) in a profile. */
export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  /** Share of the busy time (idle and program excluded). */
  readonly share: number;
}

/** Frames that are not the process's own work: waiting in the event loop. */
const IDLE_FRAMES = new Set(['(idle)', '(program)']);

/** `node_modules/<pkg>` (scoped too), the workspace package, or `node:` for Node's own code. */
export function packageOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  if (url.startsWith('node:')) return 'node:';
  const workspace = /\/(gateway|platform|contract|sdk|agent|subgraphs\/[^/]+)\/dist\//.exec(url);
  return workspace ? `(ours) ${workspace[1]}` : url || '(native)';
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(?=[^/]+\/dist\/)/, '');
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
}

/**
 * Self time per frame and per package, and inclusive time per frame (frames with a source only), of one profile (only the samples inside `window` when
 * given), the busiest first. Sample i lasted timeDeltas[i + 1] (V8 records the delta before each
 * sample).
 */
export function selfTimes(
  file: string,
  top: number,
  window?: Window,
): { frames: SelfTime[]; packages: SelfTime[]; inclusive: SelfTime[]; busyMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  // Time with the frame anywhere on the stack (each frame once per sample): what a call costs with all it calls.
  const inclusive = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const frame = byId.get(profile.samples[i]!);
    const micros = profile.timeDeltas[i + 1] ?? 0;
    if (!frame || IDLE_FRAMES.has(frame.functionName)) continue;
    busy += micros;
    const name = frameName(frame);
    frames.set(name, (frames.get(name) ?? 0) + micros);
    const pkg = frame.url ? packageOf(frame.url) : frame.functionName;
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
      const caller = byId.get(id)!;
      if (caller.url) onStack.add(frameName(caller));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
  const ranked = (m: Map<string, number>): SelfTime[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: busy ? micros / busy : 0 }));
  return { frames: ranked(frames), packages: ranked(packages), inclusive: ranked(inclusive), busyMs: busy / 1000 };
}
