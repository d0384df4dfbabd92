/** The live points channel: the metrics subgraph publishes what it stored; its live feed and the alerts evaluator follow it (docs/wire.md). */
import type { MetricValues } from '../point.js';

/** One collector's stored points as published on its channel. */
export interface PointMessage {
  /** Collector id. */
  readonly c: string;
  /** Points, oldest first: epoch ms and the metric values by column name. */
  readonly p: readonly { readonly t: number; readonly v: MetricValues }[];
}

/** Per tenant, per collector: a subscriber can only ever name channels of its own tenant. */
export function pointChannel(tenantId: string, collectorId: string): string {
  return `points:${tenantId}:${collectorId}`;
}

export function encodePointMessage(message: PointMessage): string {
  return JSON.stringify(message);
}

export function decodePointMessage(text: string): PointMessage {
  return JSON.parse(text) as PointMessage;
}
