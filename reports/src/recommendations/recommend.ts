import type { ReportData } from '../data/prepareReportData.js';
import type { Recommendation, RecommendationRule } from './recommendation.js';
import { RECOMMENDATION_RULES } from './rules/index.js';
import { DEFAULT_THRESHOLDS, type RecommendationThresholds } from './thresholds.js';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/**
 * Runs the rules over the data: every finding, most severe first (rule order within a
 * severity). Thresholds not given keep their defaults ({@link DEFAULT_THRESHOLDS}).
 */
export function recommend(
  data: ReportData,
  thresholds: Partial<RecommendationThresholds> = {},
  rules: readonly RecommendationRule[] = RECOMMENDATION_RULES,
): Recommendation[] {
  const context = { data, thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds } };
  const found = rules.flatMap((rule) => rule.evaluate(context));
  // Array.prototype.sort is stable, so rule order survives within a severity.
  return found.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
