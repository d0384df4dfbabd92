import type { SummaryKey } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import type { RecommendationRule, RecommendationSeverity } from './recommendation.js';
import type { RecommendationThresholds } from './thresholds.js';

/** Shape of the simple rules: "p95 of one aggregate series above a threshold". */
export interface PercentileAboveRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly metric: SummaryKey;
  /** How the metric is named in the finding, e.g. "CPU busy". */
  readonly label: string;
  readonly unit: string;
  readonly threshold: keyof RecommendationThresholds;
  readonly severity: RecommendationSeverity;
  readonly title: string;
  readonly advice: string;
}

/** Builds a rule that fires when the summary's p95 of `metric` is above its threshold. */
export function percentileAboveRule(spec: PercentileAboveRuleSpec): RecommendationRule {
  return {
    id: spec.id,
    description: spec.description,
    evaluate({ data, thresholds }) {
      const p95 = data.summaries[spec.metric]?.p95;
      const threshold = thresholds[spec.threshold];
      if (p95 === undefined || !(p95 > threshold)) return [];
      return [
        {
          ruleId: spec.id,
          severity: spec.severity,
          title: spec.title,
          finding: `${spec.label} p95 is ${formatFigure(p95, spec.unit)} (threshold ${formatFigure(threshold, spec.unit)}).`,
          advice: spec.advice,
          evidence: { metric: spec.metric, statistic: 'p95', value: p95, threshold, unit: spec.unit },
        },
      ];
    },
  };
}
