/**
 * Builtins bound once at module load, for the loops that run over every sample (86,400+).
 * Looking `Math` or `Number` up on the global object in such a loop is free in plain node,
 * but about 100× slower where the global object is a Proxy — Jest 30's test sandbox is one,
 * so are other `vm` contexts — which turned a 0.3 s report into 6 s under test.
 */
export const { abs, ceil, exp, floor, imul, log, max, min, round, sin, sqrt, PI } = Math;
/** `NaN` is a global property too. */
export const NAN = Number.NaN;
export const isFiniteNumber = Number.isFinite;
export const isNaNumber = Number.isNaN;
