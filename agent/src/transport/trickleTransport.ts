import { columnFieldName, type MetricColumn, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { createClient, type DeviceKind, type MetricPointInput, TricklePointsDocument } from '@perfanalysis/sdk';
import { classifySendError, graphqlEndpoint } from './classifySendError.js';
import type { Transport } from './Transport.js';
import { registerTransport, type TransportSettings } from './transports.js';

function fields(values: MetricValues): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [column, value] of Object.entries(values)) if (typeof value === 'number') out[columnFieldName(column as MetricColumn)] = value;
  return out;
}

/** The contract's point as the `tricklePoints` mutation takes it. */
export function toPointInput(point: MetricPoint): MetricPointInput {
  return {
    timestamp: new Date(point.timestamp).toISOString(),
    ...fields(point.values),
    devices: (point.devices ?? []).map((d) => ({ kind: d.kind.toUpperCase() as DeviceKind, device: d.device, ...fields(d.values) })),
  };
}

/** Trickle mode: one `tricklePoints` mutation per batch, through the generated SDK. */
export function createTrickleTransport(settings: TransportSettings): Transport {
  const client = createClient({ url: graphqlEndpoint(settings.server), token: settings.apiKey, timeoutMs: 15_000 });
  return {
    name: 'trickle',
    maxBatch: 600,
    async sendBatch(points) {
      try {
        const { tricklePoints } = await client.request(TricklePointsDocument, { points: points.map(toPointInput) });
        settings.log.debug('batch stored', { accepted: tricklePoints.accepted, duplicates: tricklePoints.duplicates });
      } catch (error) {
        throw classifySendError(error);
      }
    },
  };
}

registerTransport('trickle', createTrickleTransport);
