import type { SubgraphContext } from '@perfanalysis/platform';
import type { Readable } from 'node:stream';
import { collectionTarget } from '../pcc/collectionTarget.js';
import { uploadCollection } from '../pcc/uploadCollection.js';
import { sniffDialect } from './sniffDialect.js';
import type { UploadResult } from './upload.types.js';
import { uploadCsv } from './uploadCsv.js';

/**
 * An uploaded file in either dialect (`uploadMetrics` and the REST upload): a metrics CSV, or a
 * pcc collection into the machine named (or the key's own collector). docs/pcc-compatibility.md.
 */
export async function uploadFile(
  ctx: SubgraphContext,
  source: Readable,
  fileName: string | null,
  machineId: string | undefined,
): Promise<UploadResult> {
  if ((await sniffDialect(source)) === 'csv') return uploadCsv(ctx, source, fileName, machineId);
  return uploadCollection(ctx, source, fileName, await collectionTarget(ctx, machineId));
}
