import type { UploadHandle, UploadProgress } from '../../api/uploadMultipart.js';
import type { SeriesInput } from '../../charts/seriesBands.js';
import type { LivePointFields } from './livePoint.js';
import type { SummaryRow } from './summaryTable.js';
import type { UploadOutcome } from './uploadForm.js';

export type MetricGroupName = 'CPU' | 'MEMORY' | 'DISK' | 'NETWORK' | 'LOAD';

export interface RangeArgs {
  readonly from: Date;
  readonly to: Date;
}

/**
 * What the collector page asks of the metrics and reports API. A missing method is a part of
 * the API the gateway does not offer (yet): its section says so instead of failing.
 */
export interface MetricsApi {
  series?(group: MetricGroupName, range: RangeArgs, buckets: number): Promise<SeriesInput>;
  summary?(range: RangeArgs): Promise<readonly SummaryRow[]>;
  /** Live points from `since` on; returns the unsubscribe function. */
  live?(
    groups: readonly MetricGroupName[],
    since: string,
    onPoint: (point: LivePointFields) => void,
    onError: (message: string) => void,
  ): () => void;
  upload?(file: File, machineId: string | undefined, onProgress: (p: UploadProgress) => void): Promise<UploadHandle<UploadOutcome>>;
  /** Saves the CSV export of the range; resolves with the file name. */
  exportCsv?(range: RangeArgs): Promise<string>;
  /** Renders a report of the range and starts its download; resolves with what it found. */
  downloadReport?(range: RangeArgs): Promise<{ readonly points: number; readonly recommendations: readonly string[] }>;
}
