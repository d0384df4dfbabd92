import {
  type ChartName,
  recommend,
  renderChartSvg,
  renderPreparedReportHtml,
  renderPreparedReportPdf,
  type ReportBuilderState,
  ReportDataBuilder,
  type ReportMeta,
} from '@perfanalysis/reports';

/** What the reports service hands a render worker: the filled builder's arrays and the document asked. */
export interface RenderJob {
  readonly type: 'report';
  readonly state: ReportBuilderState;
  readonly meta: ReportMeta;
  readonly format: 'html' | 'svg' | 'pdf';
  /** The one chart of an SVG request, null otherwise. */
  readonly chart: ChartName | null;
}

/** A rendered document (text for HTML and SVG, bytes for PDF) and the findings of the rules. */
export interface RenderOutput {
  readonly body: string | Uint8Array;
  readonly recommendations: string[];
}

/**
 * The CPU-bound half of a report: summaries and percentiles (`finish`), the recommendation
 * rules, and the document. Runs in a render worker (renderWorker.ts), never on the service's
 * event loop (docs/report-contents.md).
 */
export async function renderJob(job: RenderJob): Promise<RenderOutput> {
  const data = ReportDataBuilder.fromState(job.state).finish(job.meta);
  const recommendations = recommend(data, job.meta.thresholds).map((r) => `${r.title}: ${r.finding}`);
  if (job.chart) return { body: renderChartSvg(job.chart, data), recommendations };
  const body = job.format === 'pdf' ? await renderPreparedReportPdf(data, job.meta) : renderPreparedReportHtml(data, job.meta);
  return { body, recommendations };
}
