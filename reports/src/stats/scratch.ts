let buffer = new Float64Array(0);

/**
 * A reusable Float64Array of at least `length` values. Percentiles need a copy of each series
 * to select in; a report summarises ~30 series of 86,400 values, and 30 fresh 700 KB arrays
 * are what pushes V8 into major collections over a caller's large heap. Synchronous use only:
 * the contents are valid until the next call.
 */
export function scratch(length: number): Float64Array {
  if (buffer.length < length) buffer = new Float64Array(Math.max(length, buffer.length * 2));
  return buffer.subarray(0, length);
}
