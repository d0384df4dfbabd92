import type { MetricPoint } from '@perfanalysis/contract';
import { toPointInput } from '@perfanalysis/agent';
import { documentText, TricklePointsDocument } from '@perfanalysis/sdk';

/**
 * What one simulated agent sends, encoded once and spliced per point: the bytes a real agent's
 * transport writes (graphql-ws client for the channel, the SDK's fetch body for HTTP) for a
 * point whose values never change and whose timestamp does. bench/test/agentFrames.test.ts holds
 * them equal to what the agent's own transports send, so the simulators stay honest while they
 * skip the per-point object building and JSON encoding of the real clients (the simulator
 * process was the ladder's bottleneck on HTTP, docs/benchmarks in README "Benchmarks").
 */
/** Placeholders no real id or timestamp can equal. */
const ID = '@@operation-id@@';
const STAMP = '1970-01-01T00:00:00.000Z';

/** The point's fields with a placeholder timestamp: the template both encodings splice into. */
function templatePoints(point: Omit<MetricPoint, 'timestamp'>): string {
  const json = JSON.stringify({ points: [toPointInput({ ...point, timestamp: 0 })] });
  if (json.split(STAMP).length !== 2) throw new Error('agentFrames: the point template must hold its timestamp once');
  return json;
}

/** The text of a message with one ISO timestamp spliced in (and an id, for the channel). */
export interface PointEncoder {
  (timestampMs: number, id?: string): string;
}

function splicer(json: string): PointEncoder {
  const [head, tail] = json.split(STAMP) as [string, string];
  const idAt = head.indexOf(ID);
  if (idAt < 0) return (t) => head + new Date(t).toISOString() + tail;
  const before = head.slice(0, idAt);
  const after = head.slice(idAt + ID.length);
  return (t, id = '') => before + id + after + new Date(t).toISOString() + tail;
}

/** graphql-ws `connection_init` as the channel transport sends it (the API key in `authorization`). */
export function channelInit(apiKey: string): string {
  return JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${apiKey}` } });
}

/** graphql-ws `subscribe` carrying `tricklePoints` with one point: `(timestamp, operation id) → text`. */
export function channelSubscribe(point: Omit<MetricPoint, 'timestamp'>): PointEncoder {
  const variables = JSON.parse(templatePoints(point)) as unknown;
  const message = { id: ID, type: 'subscribe', payload: { query: documentText(TricklePointsDocument), variables } };
  return splicer(JSON.stringify(message));
}

/** The trickle transport's HTTP body (the SDK's `{query, variables}`): `timestamp → text`. */
export function trickleBody(point: Omit<MetricPoint, 'timestamp'>): PointEncoder {
  const variables = JSON.parse(templatePoints(point)) as unknown;
  return splicer(JSON.stringify({ query: documentText(TricklePointsDocument), variables }));
}
