import { isFiniteNumber } from '../builtins.js';
/**
 * Splits a series into runs `[start, end)` of finite y with no gap in x wider than `maxGap`:
 * a line must break where the collector was silent or a column was missing, and each run
 * is then reduced on its own so that downsampling never bridges a hole.
 */
export function finiteSegments(x: ArrayLike<number>, y: ArrayLike<number>, maxGap: number = Infinity): Array<readonly [number, number]> {
  const segments: Array<readonly [number, number]> = [];
  let start = -1;
  for (let i = 0; i < x.length; i++) {
    const finite = isFiniteNumber(y[i]!);
    if (start >= 0 && (!finite || x[i]! - x[i - 1]! > maxGap)) {
      segments.push([start, i]);
      start = -1;
    }
    if (finite && start < 0) start = i;
  }
  if (start >= 0) segments.push([start, x.length]);
  return segments;
}
