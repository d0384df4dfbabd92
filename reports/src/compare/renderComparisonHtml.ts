import { formatUtc } from '../format/formatTime.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { htmlDocument } from '../report/htmlDocument.js';
import { beforeAfterTables } from './beforeAfterTables.js';
import type { BeforeAfterComparison } from './compareBeforeAfter.js';
import type { FleetComparison } from './compareFleet.js';
import { comparisonTableHtml } from './comparisonTable.js';
import { beforeAfterMethodNote, describeComparison, FLEET_OUTLIER_RULE } from './describeComparison.js';
import { fleetOutlierLines, fleetPercentileTables } from './fleetTables.js';
import { renderDistributionSvg } from './renderDistributionSvg.js';
import { renderFleetHeatmapSvg } from './renderFleetHeatmapSvg.js';

/** A comparison as one self-contained HTML page (docs/report-comparisons.md). */
export function renderComparisonHtml(comparison: BeforeAfterComparison | FleetComparison, generatedAt?: number): string {
  const sections = comparison.kind === 'beforeAfter' ? beforeAfterSections(comparison) : fleetSections(comparison);
  return htmlDocument({
    title: comparison.title,
    meta: describeComparison(comparison).map(escapeHtml).join('<br>'),
    sections,
    footer: `PerfAnalysis comparison · all times UTC${generatedAt === undefined ? '' : ` · generated ${formatUtc(generatedAt)}`}`,
  });
}

function beforeAfterSections(comparison: BeforeAfterComparison) {
  const [mean, p95] = beforeAfterTables(comparison).map(comparisonTableHtml);
  const note = `<p class="note">${escapeHtml(beforeAfterMethodNote(comparison))}</p>`;
  return [
    {
      id: 'changes',
      title: 'Changes',
      content: comparison.metrics.length ? `${mean}\n${p95}\n${note}` : '<p class="quiet">No metric has samples on both sides.</p>',
    },
    {
      id: 'distributions',
      title: 'Distributions',
      content: `<figure class="chart" data-chart="distributions">${renderDistributionSvg(comparison)}</figure>`,
    },
  ];
}

function fleetSections(comparison: FleetComparison) {
  const lines = fleetOutlierLines(comparison);
  const outliers = lines.length
    ? `<ul class="findings">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
    : '<p>No collector stands out in CPU or memory.</p>';
  return [
    { id: 'outliers', title: 'Outliers', content: `${outliers}\n<p class="note">${escapeHtml(FLEET_OUTLIER_RULE)}</p>` },
    {
      id: 'heatmap',
      title: 'CPU and memory',
      content: `<figure class="chart" data-chart="fleetHeatmap">${renderFleetHeatmapSvg(comparison)}</figure>`,
    },
    { id: 'ranking', title: 'Percentiles and ranking', content: fleetPercentileTables(comparison).map(comparisonTableHtml).join('\n') },
  ];
}
