import { CollectorRef, ref, type SubgraphContext } from '@perfanalysis/platform';
import { REPORT_SECTIONS } from '@perfanalysis/reports';
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { storeRenderedDocument } from '../download/storeRenderedDocument.js';
import { findReportCollector } from './findReportCollector.js';
import { renderCollectorReport, requireChart } from './renderCollectorReport.js';
import { checkReportRange, REPORT_LIMITS } from './reportLimits.js';
import { internalFormat, Report, ReportFormat, ReportSection } from './report.type.js';
import { withRenderSlot } from './renderSlot.js';

@Resolver(() => Report)
export class ReportResolver {
  @Authorized('ANALYST')
  @Query(() => Report, {
    description:
      `Renders a report of one collector of your tenant over [from, to) (at most ${REPORT_LIMITS.maxRangeDays} days): the HTML ` +
      'report with the sections asked (all when omitted), the same as an A4 PDF with vector charts (format PDF), or with ' +
      'format SVG one chart (`chart`) as a standalone SVG. ' +
      `The document is offered at \`downloadUrl\` for ${REPORT_LIMITS.downloadTtlMs / 60_000} minutes.`,
  })
  async report(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('sections', () => [ReportSection], { nullable: true }) sections: ReportSection[] | null | undefined,
    @Arg('format', () => ReportFormat, { defaultValue: ReportFormat.HTML }) formatArg: ReportFormat,
    @Arg('chart', () => String, { nullable: true }) chart: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Report> {
    const format = internalFormat(formatArg);
    checkReportRange(from, to);
    requireChart(format, chart);
    const collector = await findReportCollector(ctx, collectorId);
    const wanted = sections?.length ? REPORT_SECTIONS.filter((s) => sections.includes(s as ReportSection)) : [...REPORT_SECTIONS];
    return withRenderSlot(async () => {
      const started = performance.now();
      const rendered = await renderCollectorReport(ctx.runtime, ctx.tenantDb(), {
        collector,
        from,
        to,
        sections: wanted,
        format,
        chart,
        generatedAt: new Date(),
      });
      const stored = await storeRenderedDocument(ctx, rendered, {
        message: 'report rendered',
        fields: { collectorId: collector.id, format },
        started,
      });
      return Object.assign(new Report(), {
        id: randomUUID(),
        collector: ref(CollectorRef, collector.id),
        from,
        to,
        format,
        sections: wanted as ReportSection[],
        chart: rendered.chart,
        ...stored,
        points: rendered.points,
        recommendations: rendered.recommendations,
      });
    });
  }
}
