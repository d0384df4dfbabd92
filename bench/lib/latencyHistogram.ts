/**
 * Latencies in whole-millisecond buckets up to a minute (one bucket beyond for slower): a fleet
 * step records millions of deliveries, which a list of samples would not hold.
 */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(60_002);
  private total = 0;

  add(latencyMs: number): void {
    this.buckets[Math.min(60_001, Math.max(0, Math.round(latencyMs)))]! += 1;
    this.total += 1;
  }

  get count(): number {
    return this.total;
  }

  /** The nearest-rank percentile in ms (`p` in 0–100); NaN when empty. */
  percentile(p: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let ms = 0; ms < this.buckets.length; ms++) {
      seen += this.buckets[ms]!;
      if (seen >= rank) return ms;
    }
    return NaN;
  }

  /** Non-empty buckets as flat [ms, count] pairs (small enough for IPC). */
  toPairs(): number[] {
    const pairs: number[] = [];
    this.buckets.forEach((n, ms) => n && pairs.push(ms, n));
    return pairs;
  }

  static fromPairs(pairs: readonly number[]): LatencyHistogram {
    const histogram = new LatencyHistogram();
    for (let i = 0; i < pairs.length; i += 2) {
      histogram.buckets[pairs[i]!]! += pairs[i + 1]!;
      histogram.total += pairs[i + 1]!;
    }
    return histogram;
  }
}
