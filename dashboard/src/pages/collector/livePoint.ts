import type { Sample } from '../../charts/liveWindow.js';

/** The fields of a live point the charts read (a subset of the MetricPoint type). */
export type LivePointFields = { readonly timestamp: string } & Readonly<Record<string, unknown>>;

/** A live point as a chart sample holding the given numeric fields (missing ones as null). */
export function pointToSample(point: LivePointFields, keys: readonly string[]): Sample | undefined {
  const t = Date.parse(point.timestamp);
  if (!Number.isFinite(t)) return undefined;
  const values: Record<string, number | null> = {};
  for (const key of keys) {
    const value = point[key];
    values[key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return { t, values };
}
