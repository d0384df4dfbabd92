import { metricsCsvHeader, toCsvLine } from '@perfanalysis/contract';
import { UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { classifySendError, graphqlEndpoint } from './classifySendError.js';
import { progressBar, stderrProgress } from './progressBar.js';
import type { Transport } from './Transport.js';
import { registerTransport, type TransportSettings } from './transports.js';

/** Upload mode: the batch as one CSV file (the upload dialect) through the multipart mutation. */
export function createUploadTransport(settings: TransportSettings): Transport {
  return {
    name: 'upload',
    maxBatch: 100_000,
    async sendBatch(points) {
      const lines = [metricsCsvHeader(), ...points.map((p) => toCsvLine(settings.machineId, p))];
      const csv = new TextEncoder().encode(`${lines.join('\n')}\n`);
      const file = {
        name: `${settings.machineId}.csv`,
        size: csv.length,
        stream: (async function* () {
          for (let i = 0; i < csv.length; i += 65_536) yield csv.subarray(i, i + 65_536);
        })(),
      };
      const bar = progressBar(stderrProgress(settings.log), 'upload', csv.length);
      try {
        const { uploadMetrics } = await uploadRequest(
          { url: graphqlEndpoint(settings.server), token: settings.apiKey },
          UploadMetricsDocument,
          {},
          file,
          { onProgress: bar.update },
        );
        bar.done();
        settings.log.info('upload stored', {
          rows: uploadMetrics.rowsProcessed,
          duplicates: uploadMetrics.duplicatesSkipped,
          from: uploadMetrics.from,
          to: uploadMetrics.to,
        });
      } catch (error) {
        throw classifySendError(error);
      }
    },
  };
}

registerTransport('upload', createUploadTransport);
