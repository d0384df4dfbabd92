import type { BeforeAfterComparison } from './compareBeforeAfter.js';
import type { FleetComparison } from './compareFleet.js';
import { renderDistributionSvg } from './renderDistributionSvg.js';
import { renderFleetHeatmapSvg } from './renderFleetHeatmapSvg.js';
import { standaloneSvg } from './svgMarkup.js';

/** A comparison's chart as a standalone SVG file: the distributions of a before/after, the heatmap of a fleet. */
export function renderComparisonSvg(comparison: BeforeAfterComparison | FleetComparison): string {
  return standaloneSvg(comparison.kind === 'beforeAfter' ? renderDistributionSvg(comparison) : renderFleetHeatmapSvg(comparison));
}
