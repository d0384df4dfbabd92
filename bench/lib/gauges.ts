import { BENCH_METRICS_TOKEN } from './benchPlatform.js';

/** A gauge or counter of a service's Prometheus `/metrics` (summed over label sets); NaN when absent. */
export async function gaugeOf(serviceUrl: string, name: string): Promise<number> {
  const headers = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
  const text = await (await fetch(new URL('/metrics', serviceUrl), { headers })).text();
  const lines = text.split('\n').filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return lines.length ? lines.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0) : NaN;
}

/**
 * Polls until `done(value)`, the time runs out, or the value has not moved for `stallMs`
 * (refused connections never arrive: no point waiting for them); the last value either way.
 */
export async function waitForGauge(
  serviceUrl: string,
  name: string,
  done: (v: number) => boolean,
  timeoutMs: number,
  stallMs = 15_000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  let value = NaN;
  let changedAt = Date.now();
  while (Date.now() < until && Date.now() - changedAt < stallMs) {
    const next = await gaugeOf(serviceUrl, name).catch(() => NaN);
    if (next !== value) changedAt = Date.now();
    value = next;
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  return value;
}
