import {
  DashboardLivePointsDocument,
  type DashboardLivePointsSubscription,
  documentText,
  ReportDocument,
  SeriesDocument,
  subscribeWithResume,
  SummaryDocument,
  UploadMetricsDocument,
  type UploadMetricsMutation,
} from '@perfanalysis/sdk';
import type { AppContext } from '../../app/appContext.js';
import { describeGraphQLErrors } from '../../api/describeError.js';
import { downloadWithToken, saveUrl } from '../../api/downloadFile.js';
import { uploadMultipart } from '../../api/uploadMultipart.js';
import type { MetricsApi, RangeArgs } from './metricsApi.js';

export interface CollectorRef {
  readonly id: string;
  readonly machineId: string;
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '');
}

/** The REST export of a machine's points in a range (`GET /api/v1/performance/export`). */
export function exportUrl(origin: string, machineId: string, range: RangeArgs, format: 'csv' | 'json' = 'csv'): string {
  const url = new URL('/api/v1/performance/export', origin);
  url.searchParams.set('machine_id', machineId);
  url.searchParams.set('start_date', range.from.toISOString());
  url.searchParams.set('end_date', range.to.toISOString());
  url.searchParams.set('format', format);
  return url.href;
}

/** The collector page's metrics API over the gateway, through the generated SDK. */
export function graphqlMetricsApi(ctx: AppContext, collector: CollectorRef): MetricsApi {
  return {
    async series(group, range, buckets) {
      const { series } = await ctx.api.request(SeriesDocument, {
        collectorId: collector.id,
        group,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        buckets,
      });
      return series;
    },

    async summary(range) {
      const { summary } = await ctx.api.request(SummaryDocument, {
        collectorId: collector.id,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        groups: ['CPU', 'MEMORY', 'DISK', 'NETWORK', 'LOAD'],
      });
      return summary;
    },

    live(groups, since, onPoint, onError) {
      return subscribeWithResume<DashboardLivePointsSubscription>({
        client: ctx.live(),
        query: documentText(DashboardLivePointsDocument),
        variables: { collectorIds: [collector.id], groups: [...groups], since },
        timestampOf: (data) => data.livePoints.timestamp,
        onData: (data) => onPoint(data.livePoints),
        onErrors: (errors) => onError(describeGraphQLErrors(errors).title),
        renew: () => ctx.renewLive(),
      });
    },

    async upload(file, machineId, onProgress) {
      const token = await ctx.auth.accessToken();
      const handle = uploadMultipart<UploadMetricsMutation>({
        url: ctx.graphqlUrl,
        token,
        query: documentText(UploadMetricsDocument),
        variables: { machineId },
        fileVariable: 'file',
        file,
        fileName: file.name,
        onProgress,
      });
      return { result: handle.result.then((data) => data.uploadMetrics), abort: handle.abort };
    },

    async exportCsv(range) {
      const token = await ctx.auth.accessToken();
      const fallback = `perf_${collector.machineId}_${stamp(range.from)}_${stamp(range.to)}.csv`;
      return downloadWithToken(exportUrl(window.location.origin, collector.machineId, range), token, fallback);
    },

    async downloadReport(range) {
      // Every section (omitted = all), rendered on the server; the answer is a short-lived link.
      const { report } = await ctx.api.request(ReportDocument, {
        collectorId: collector.id,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        format: 'HTML',
      });
      saveUrl(new URL(report.downloadUrl, window.location.origin).href);
      return { points: report.points, recommendations: report.recommendations };
    },
  };
}
