import { formatFigure } from '../../format/formatFigure.js';
import type { RecommendationRule } from '../recommendation.js';

const RULE_ID = 'load-per-core-high';

/**
 * Run queue longer than the CPUs: `load_5min` p95 / CPU count above `loadPerCoreP95`.
 * Quiet when the CPU count is unknown (no per-CPU data and none given in the capacities).
 */
export const loadPerCoreRule: RecommendationRule = {
  id: RULE_ID,
  description: '5-minute load average p95 per CPU above the threshold (when the CPU count is known)',
  evaluate({ data, thresholds }) {
    const cpus = data.capacities.cpuCount;
    const p95 = data.summaries.load_5min?.p95;
    if (!cpus || p95 === undefined || !Number.isFinite(p95)) return [];
    const perCore = p95 / cpus;
    const threshold = thresholds.loadPerCoreP95;
    if (!(perCore > threshold)) return [];
    return [
      {
        ruleId: RULE_ID,
        severity: 'warning',
        title: 'Load above the CPU count',
        finding: `5-minute load p95 is ${formatFigure(p95, '')} on ${cpus} CPUs, ${formatFigure(perCore, '')} per CPU (threshold ${formatFigure(threshold, '')}).`,
        advice:
          'More tasks are runnable or blocked in I/O than there are CPUs. If CPU busy is low too, look for tasks stuck in uninterruptible I/O (state D).',
        evidence: { metric: 'load_5min', statistic: 'p95 per CPU', value: perCore, threshold, unit: '' },
      },
    ];
  },
};
