/**
 * Removes the interior points of runs of equal y among already selected indices: a line
 * through them is the same horizontal segment without them. Flat series are common in a
 * report (interface errors at 0, swap unused, memory total) and would otherwise cost two
 * points per pixel column of path data for nothing.
 */
export function dropFlatRuns(indices: readonly number[], y: ArrayLike<number>): number[] {
  if (indices.length <= 2) return indices.slice();
  const out: number[] = [indices[0]!];
  for (let k = 1; k < indices.length - 1; k++) {
    const v = y[indices[k]!]!;
    if (v === y[indices[k - 1]!]! && v === y[indices[k + 1]!]!) continue;
    out.push(indices[k]!);
  }
  out.push(indices[indices.length - 1]!);
  return out;
}
