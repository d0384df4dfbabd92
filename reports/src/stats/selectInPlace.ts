import { exp, floor, log, max, min, sqrt } from '../builtins.js';
/**
 * Floyd–Rivest selection: rearranges `values[left..right]` so that `values[k]` holds the
 * value it would have after sorting, everything left of it is ≤ and everything right ≥.
 * Expected O(n), and O(n) too on runs of equal values (common here: swap at 0 all day,
 * interface errors at 0), where a Lomuto quickselect would go quadratic.
 * Port of mourner/quickselect (ISC), specialised to a Float64Array without NaN.
 */
export function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample around k first so the pivot lands close to the answer.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = log(n);
      const s = 0.5 * exp((2 * z) / 3);
      const sd = 0.5 * sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = max(left, floor(k - (m * s) / n + sd));
      const newRight = min(right, floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, newLeft, newRight);
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
