import type { DeviceKind } from '@perfanalysis/contract';
import { CHART_NAMES, type ChartName, isChartName, profileMeta, type ReportMeta, type ReportSection } from '@perfanalysis/reports';
import { BadUserInputError, type Runtime, type TenantDb } from '@perfanalysis/platform';
import { readReportProfile } from '../profile/readReportProfile.js';
import type { ReportCollector } from './findReportCollector.js';
import { readReportAlerts } from './readReportAlerts.js';
import { renderPool } from './sharedRenderPool.js';
import { streamReportPoints } from './streamReportPoints.js';

/** What to render. */
export interface CollectorReportRequest {
  readonly collector: ReportCollector;
  readonly from: Date;
  readonly to: Date;
  readonly sections: readonly ReportSection[];
  readonly format: 'html' | 'svg' | 'pdf';
  readonly chart?: string | null;
  readonly generatedAt: Date;
}

/** A rendered document and what the answer says about it. */
export interface RenderedReport {
  /** Text for HTML and SVG, bytes for PDF. */
  readonly body: string | Buffer;
  readonly contentType: string;
  readonly fileName: string;
  readonly chart: ChartName | null;
  readonly points: number;
  readonly recommendations: string[];
}

/** The chart of an SVG request, BAD_USER_INPUT when missing or unknown. */
export function requireChart(format: CollectorReportRequest['format'], chart: string | null | undefined): ChartName | null {
  if (format !== 'svg') return null;
  if (!chart || !isChartName(chart)) {
    throw new BadUserInputError(`The SVG format renders one chart: set \`chart\` to one of ${CHART_NAMES.join(', ')}.`, {
      field: 'chart',
      charts: [...CHART_NAMES],
    });
  }
  return chart;
}

/** Device kinds whose per-device charts or capacities the sections (or the chart) need. */
function deviceKindsFor(sections: readonly ReportSection[], chart: ChartName | null): DeviceKind[] {
  const wanted = new Set<string>(chart ? [chart] : sections);
  const kinds: DeviceKind[] = [];
  // Per-core chart, and the CPU count that the radar and the load rule compare against.
  if (['cpu', 'cpuCores', 'radar', 'summary', 'recommendations'].some((s) => wanted.has(s))) kinds.push('cpu');
  if (['disk', 'diskThroughput', 'diskOps', 'diskUtilisation'].some((s) => wanted.has(s))) kinds.push('disk');
  if (['network', 'networkThroughput', 'networkPackets', 'networkErrors'].some((s) => wanted.has(s))) kinds.push('net');
  return kinds;
}

/** A date as it appears in a file name: `2025-01-06T000000Z`. */
export function fileStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '');
}

/** A machine id as it appears in a file name: safe characters only, at most 80. */
export function fileSafe(machineId: string): string {
  return machineId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'machine';
}

/**
 * Reads the collector's points of [from, to) from `db`'s tenant into a `ReportDataBuilder`
 * on the event loop (I/O, a chunk at a time), then hands the builder's arrays to a render
 * worker for the CPU-bound rest: summaries, rules and the HTML, PDF or one chart's SVG.
 */
export async function renderCollectorReport(runtime: Runtime, db: TenantDb, request: CollectorReportRequest): Promise<RenderedReport> {
  const chart = requireChart(request.format, request.chart);
  const { collector, from, to } = request;
  const builder = await streamReportPoints(runtime, db, {
    collectorId: collector.id,
    from,
    to,
    deviceKinds: deviceKindsFor(request.sections, chart),
  });
  // The alerts section and the summary's alert count (HTML only).
  const wantsAlerts = !chart && (request.sections.includes('alerts') || request.sections.includes('summary'));
  const alerts = wantsAlerts ? await readReportAlerts(db, collector.id, from, to) : [];
  // The collector's profile: capacities for the radar and the rules, and the rules' thresholds.
  const profile = profileMeta((await readReportProfile(db, collector.id)).settings);
  const meta: ReportMeta = {
    ...profile,
    machineId: collector.machineId,
    hostname: collector.hostname,
    from,
    to,
    sections: request.sections,
    generatedAt: request.generatedAt,
    alerts,
  };
  const points = builder.count;
  const { state, transfer } = builder.toState();
  const output = await renderPool.render({ type: 'report', state, meta, format: request.format, chart }, transfer);
  const machine = fileSafe(collector.machineId);
  const stem = `${machine}_${fileStamp(from)}_${fileStamp(to)}`;
  const common = { points, recommendations: output.recommendations, chart };
  if (chart)
    return { ...common, body: output.body as string, contentType: 'image/svg+xml; charset=utf-8', fileName: `report_${stem}_${chart}.svg` };
  if (request.format === 'pdf') {
    const bytes = output.body as Uint8Array;
    return {
      ...common,
      body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      contentType: 'application/pdf',
      fileName: `report_${stem}.pdf`,
    };
  }
  return { ...common, body: output.body as string, contentType: 'text/html; charset=utf-8', fileName: `report_${stem}.html` };
}
