/** The server's bucketed series (the `Series` type): one timestamp per bucket, min/avg/max per metric. */
export interface SeriesInput {
  readonly bucketSeconds: number;
  readonly timestamps: readonly string[];
  readonly metrics: readonly {
    readonly metric: string;
    readonly unit: string;
    readonly min: readonly (number | null)[];
    readonly avg: readonly (number | null)[];
    readonly max: readonly (number | null)[];
  }[];
}

export interface BandPoint {
  readonly t: number;
  readonly min: number | null;
  readonly avg: number | null;
  readonly max: number | null;
}

export interface Band {
  readonly metric: string;
  readonly unit: string;
  readonly points: readonly BandPoint[];
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The series as one band per metric (only `only`'s metrics, in that order, when given).
 * Empty buckets stay as nulls, so the chart breaks its line there instead of bridging it.
 */
export function toBands(series: SeriesInput, only?: readonly string[]): Band[] {
  const times = series.timestamps.map((ts) => Date.parse(ts));
  const chosen = only ? only.flatMap((name) => series.metrics.filter((m) => m.metric === name)) : series.metrics;
  return chosen.map((m) => ({
    metric: m.metric,
    unit: m.unit,
    points: times.map((t, i) => ({ t, min: finite(m.min[i]), avg: finite(m.avg[i]), max: finite(m.max[i]) })),
  }));
}

/** The largest value any band reaches (0 when there is none): the top of the y axis. */
export function bandsMax(bands: readonly Band[]): number {
  let max = 0;
  for (const band of bands) for (const p of band.points) max = Math.max(max, p.max ?? p.avg ?? 0);
  return max;
}

/** Index of the point nearest to `t` in time-ascending points (-1 when empty). */
export function nearestIndex(points: readonly { t: number }[], t: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(points[lo - 1]!.t - t) <= Math.abs(points[lo]!.t - t)) return lo - 1;
  return lo;
}

/**
 * The band's points as the chart draws them: empty buckets dropped, except where the data
 * really pauses — longer than three times its usual interval (so one-a-minute data in
 * two-second buckets is one line, and an outage is a break). `null` marks a break.
 */
export function bridgeShortGaps(points: readonly BandPoint[]): (BandPoint | null)[] {
  const present = points.filter((p) => p.avg !== null || p.max !== null);
  const steps: number[] = [];
  for (let i = 1; i < present.length; i++) steps.push(present[i]!.t - present[i - 1]!.t);
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)] ?? 0;
  const out: (BandPoint | null)[] = [];
  for (let i = 0; i < present.length; i++) {
    if (i > 0 && present[i]!.t - present[i - 1]!.t > median * 3) out.push(null);
    out.push(present[i]!);
  }
  return out;
}

/** Points with no neighbour on either side of the line: drawn as dots, as a line cannot show them. */
export function isolatedPoints(drawn: readonly (BandPoint | null)[]): BandPoint[] {
  return drawn.filter((p, i): p is BandPoint => p !== null && !drawn[i - 1] && !drawn[i + 1]);
}
