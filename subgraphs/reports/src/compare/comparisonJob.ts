import {
  type BeforeAfterComparison,
  compareBeforeAfter,
  compareFleet,
  type FleetComparison,
  type FleetMember,
  renderComparisonHtml,
  renderComparisonPdf,
  renderComparisonSvg,
  type ReportBuilderState,
  ReportDataBuilder,
  type ReportMeta,
  summarizeFleetMember,
} from '@perfanalysis/reports';

/** One collector's window as the reports service read it: the builder's arrays and what `finish` needs. */
export interface ReadSeries {
  readonly state: ReportBuilderState;
  readonly meta: ReportMeta;
}

/** Reduce one fleet member's series to its summaries and heatmap slices (the series stay in the worker). */
export interface FleetMemberJob {
  readonly type: 'fleetMember';
  readonly name: string;
  readonly series: ReadSeries;
}

/** Compare and render: a before/after from both sides' series, or a fleet from its members' summaries. */
export interface ComparisonJob {
  readonly type: 'comparison';
  readonly format: 'html' | 'svg' | 'pdf';
  readonly generatedAt: number;
  readonly input:
    | { readonly kind: 'beforeAfter'; readonly sides: readonly [SideSeries, SideSeries] }
    | { readonly kind: 'fleet'; readonly members: readonly FleetMember[]; readonly from: number; readonly to: number };
}

export interface SideSeries extends ReadSeries {
  readonly label: string;
}

/** A before/after change as the API answers it (the comparison itself holds both sides' series: it stays in the worker). */
export interface FoundChange {
  readonly metric: string;
  readonly statistic: 'mean' | 'p95';
  readonly before: number;
  readonly after: number;
  readonly change: number;
  readonly low: number;
  readonly high: number;
  readonly verdict: string;
}

/** A named fleet outlier. */
export interface FoundOutlier {
  readonly metric: string;
  readonly name: string;
  readonly value: number;
  readonly side: 'high' | 'low';
  readonly fence: number;
}

/** A rendered comparison and the figures the answer lists. */
export interface ComparisonOutput {
  readonly body: string | Uint8Array;
  readonly changes: readonly FoundChange[];
  readonly outliers: readonly FoundOutlier[];
}

const finish = (series: ReadSeries) => ReportDataBuilder.fromState(series.state).finish(series.meta);

export function summarizeMemberJob(job: FleetMemberJob): FleetMember {
  return summarizeFleetMember(job.name, finish(job.series));
}

function findings(comparison: BeforeAfterComparison | FleetComparison): Pick<ComparisonOutput, 'changes' | 'outliers'> {
  if (comparison.kind === 'fleet') {
    const outliers = comparison.outliers.flatMap((m) => m.outliers.map((o) => ({ metric: m.key, ...o })));
    return { changes: [], outliers };
  }
  const changes = comparison.metrics.flatMap((m) =>
    (['mean', 'p95'] as const).map((statistic) => {
      const c = m[statistic];
      return { metric: m.key, statistic, before: c.before, after: c.after, change: c.change, ...c.interval, verdict: c.verdict };
    }),
  );
  return { changes, outliers: [] };
}

function compare(input: ComparisonJob['input']): BeforeAfterComparison | FleetComparison {
  if (input.kind === 'fleet') return compareFleet(input.members, { from: input.from, to: input.to });
  const [before, after] = input.sides.map((side) => ({ label: side.label, data: finish(side) }));
  return compareBeforeAfter(before!, after!);
}

/** The CPU-bound half of a comparison (docs/report-comparisons.md), run in a render worker. */
export async function renderComparisonJob(job: ComparisonJob): Promise<ComparisonOutput> {
  const comparison = compare(job.input);
  const body =
    job.format === 'pdf'
      ? await renderComparisonPdf(comparison, job.generatedAt)
      : job.format === 'svg'
        ? renderComparisonSvg(comparison)
        : renderComparisonHtml(comparison, job.generatedAt);
  return { body, ...findings(comparison) };
}
