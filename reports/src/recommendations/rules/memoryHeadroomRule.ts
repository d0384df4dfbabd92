import { percentiles } from '../../stats/percentiles.js';
import { formatFigure } from '../../format/formatFigure.js';
import type { RecommendationRule } from '../recommendation.js';

const RULE_ID = 'memory-headroom-low';

/**
 * Low memory headroom: p5 of `mem_available / mem_total` below `memoryAvailableP5Pct`. The
 * p5 (not the minimum) so that one moment of pressure does not fire it, and a low
 * tail that lasts does.
 */
export const memoryHeadroomRule: RecommendationRule = {
  id: RULE_ID,
  description: 'Available memory p5 below the threshold share of total memory',
  evaluate({ data, thresholds }) {
    const series = data.derived.mem_available_pct;
    if (!series) return [];
    const p5 = percentiles(series, [5])[0]!;
    const threshold = thresholds.memoryAvailableP5Pct;
    if (!(p5 < threshold)) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'critical',
        title: 'Low memory headroom',
        finding: `Available memory p5 is ${formatFigure(p5, '%')} of total (threshold ${formatFigure(threshold, '%')}).`,
        advice:
          'The machine runs close to the point where the kernel swaps or the OOM killer steps in. Add memory or cap the largest consumers.',
        evidence: { metric: 'mem_available_pct', statistic: 'p5', value: p5, threshold, unit: '%' },
      },
    ];
  },
};
