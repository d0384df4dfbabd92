import { CollectorRef, ref, type SubgraphContext } from '@perfanalysis/platform';
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { storeRenderedDocument } from '../download/storeRenderedDocument.js';
import { findReportCollector } from '../report/findReportCollector.js';
import { REPORT_LIMITS } from '../report/reportLimits.js';
import { internalFormat } from '../report/report.type.js';
import { withRenderSlot } from '../report/renderSlot.js';
import { checkComparisonInput } from './checkComparisonInput.js';
import { comparisonChanges, comparisonOutliers } from './comparisonAnswer.js';
import { CompareReportInput, ComparisonReport, ReportWindow } from './comparison.type.js';
import { renderComparison } from './renderComparison.js';

@Resolver(() => ComparisonReport)
export class CompareReportResolver {
  @Authorized('ANALYST')
  @Query(() => ComparisonReport, {
    description:
      "Compares collectors of your tenant (docs/report-comparisons.md). BEFORE_AFTER: each metric's distribution side by side and the " +
      'change in mean and p95 with a bootstrap 95 % interval, a verdict only where it excludes zero. FLEET: up to 100 collectors over ' +
      `one window (at most ${REPORT_LIMITS.maxFleetRangeDays} days), a ranked p95/p97.5/p99/p100 table per metric, a CPU and memory heatmap, outliers named. As HTML, SVG (the chart) or ` +
      `PDF, offered at \`downloadUrl\` for ${REPORT_LIMITS.downloadTtlMs / 60_000} minutes. A collector of another tenant is NOT_FOUND.`,
  })
  async compareReport(
    @Arg('input', () => CompareReportInput) input: CompareReportInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComparisonReport> {
    const format = internalFormat(input.format);
    const checked = checkComparisonInput(input);
    const found = new Map<string, Awaited<ReturnType<typeof findReportCollector>>>();
    for (const { collectorId } of checked.reads) {
      if (!found.has(collectorId)) found.set(collectorId, await findReportCollector(ctx, collectorId));
    }
    const reads = checked.reads.map((r) => ({ collector: found.get(r.collectorId)!, from: r.from, to: r.to }));
    return withRenderSlot(async () => {
      const started = performance.now();
      const rendered = await renderComparison(ctx.runtime, ctx.tenantDb(), {
        kind: checked.kind,
        reads,
        format,
        generatedAt: new Date(),
      });
      const stored = await storeRenderedDocument(ctx, rendered, {
        message: 'comparison rendered',
        fields: { kind: checked.kind, collectors: found.size, format },
        started,
      });
      return Object.assign(new ComparisonReport(), {
        id: randomUUID(),
        kind: checked.kind,
        collectors: [...found.keys()].map((id) => ref(CollectorRef, id)),
        windows: input.windows.map((w) => Object.assign(new ReportWindow(), { from: w.from, to: w.to })),
        format,
        ...stored,
        points: rendered.points,
        changes: comparisonChanges(rendered),
        outliers: comparisonOutliers(rendered, reads),
      });
    });
  }
}
