import { UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { createReadStream, statSync } from 'node:fs';
import type { BenchPlatform, BenchTenant } from './benchPlatform.js';

/** Streams a CSV file to `uploadMetrics` through the gateway, as a curl-shaped multipart request; the rows stored. */
export async function uploadCsv(platform: BenchPlatform, tenant: BenchTenant, file: string): Promise<number> {
  const { uploadMetrics } = await uploadRequest(
    { url: platform.gatewayUrl, token: tenant.token, timeoutMs: 900_000 },
    UploadMetricsDocument,
    {},
    { name: 'bench.csv', size: statSync(file).size, stream: createReadStream(file, { highWaterMark: 1 << 20 }) },
  );
  return uploadMetrics.rowsProcessed;
}
