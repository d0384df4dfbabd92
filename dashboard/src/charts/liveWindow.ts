/** One instant of a live chart: time in ms since the epoch, and a value per series key. */
export interface Sample {
  readonly t: number;
  readonly values: Readonly<Record<string, number | null>>;
}

/**
 * Merges `incoming` into `existing` (both ascending by time): a sample at a time already held
 * replaces it (a replay after a reconnect re-sends the last point), and out-of-order samples
 * land in their place. Then keeps only the window ending at the newest sample — plus the one
 * sample just before it, so the line still enters from the chart's left edge.
 */
export function mergeSamples(existing: readonly Sample[], incoming: readonly Sample[], windowMs: number): Sample[] {
  let merged: Sample[];
  const last = existing[existing.length - 1];
  if (isAscending(incoming) && (!last || (incoming[0]?.t ?? Infinity) > last.t)) {
    merged = [...existing, ...incoming];
  } else {
    const byTime = new Map<number, Sample>();
    for (const sample of existing) byTime.set(sample.t, sample);
    for (const sample of incoming) if (Number.isFinite(sample.t)) byTime.set(sample.t, sample);
    merged = [...byTime.values()].sort((a, b) => a.t - b.t);
  }
  return trimToWindow(merged, windowMs);
}

function isAscending(samples: readonly Sample[]): boolean {
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isFinite(samples[i]!.t)) return false;
    if (i > 0 && samples[i]!.t <= samples[i - 1]!.t) return false;
  }
  return true;
}

/** Drops samples older than `windowMs` before the newest, keeping one just outside the edge. */
export function trimToWindow(samples: Sample[], windowMs: number): Sample[] {
  const newest = samples[samples.length - 1];
  if (!newest) return samples;
  const cutoff = newest.t - windowMs;
  let firstInside = samples.findIndex((s) => s.t >= cutoff);
  if (firstInside < 0) firstInside = samples.length;
  return samples.slice(Math.max(0, firstInside - 1));
}

/**
 * The pause that counts as a gap in the data (the line is broken there rather than drawn
 * straight across): three times the median interval, at least `minimumMs`.
 */
export function gapThresholdMs(samples: readonly Sample[], minimumMs = 5_000): number {
  const steps: number[] = [];
  for (let i = 1; i < samples.length; i++) steps.push(samples[i]!.t - samples[i - 1]!.t);
  if (steps.length === 0) return minimumMs;
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)]!;
  return Math.max(minimumMs, median * 3);
}

/** The samples with a `null` marker inserted wherever two neighbours are further apart than `gapMs`. */
export function withGapMarkers(samples: readonly Sample[], gapMs: number): (Sample | null)[] {
  const out: (Sample | null)[] = [];
  for (let i = 0; i < samples.length; i++) {
    if (i > 0 && samples[i]!.t - samples[i - 1]!.t > gapMs) out.push(null);
    out.push(samples[i]!);
  }
  return out;
}

/**
 * The live window's right edge: the newest sample's time, carried forward by the time
 * elapsed since it arrived (so the chart glides between points even when the browser's
 * clock differs from the server's), but never behind the newest sample.
 */
export function windowEnd(newestSampleT: number | undefined, receivedAt: number | undefined, now: number): number {
  if (newestSampleT === undefined || receivedAt === undefined) return now;
  return newestSampleT + Math.max(0, now - receivedAt);
}
