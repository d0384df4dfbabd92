import type { ReportData } from '../data/prepareReportData.js';
import type { RecommendationThresholds } from './thresholds.js';

export type RecommendationSeverity = 'info' | 'warning' | 'critical';

/** The figure that made a rule fire, so the report can cite it. */
export interface Evidence {
  /** Column or derived series, e.g. `cpu_busy`, `disk_io_util`. */
  readonly metric: string;
  /** e.g. `p95`, `p5`, `total`. */
  readonly statistic: string;
  readonly value: number;
  readonly threshold: number;
  /** Unit of `value` and `threshold`, e.g. `%`, `MB`, `errors`. */
  readonly unit: string;
  /** Device or interface the figure belongs to, when the rule looks per device. */
  readonly device?: string;
}

/** One finding of one rule. */
export interface Recommendation {
  /** Id of the rule that produced it. */
  readonly ruleId: string;
  readonly severity: RecommendationSeverity;
  /** Short headline, e.g. "Sustained high CPU". */
  readonly title: string;
  /** What was observed, citing the figure, e.g. "CPU busy p95 is 91.2 % (threshold 80 %)". */
  readonly finding: string;
  /** What to do about it. */
  readonly advice: string;
  readonly evidence: Evidence;
}

/** What a rule is given. */
export interface RuleContext {
  readonly data: ReportData;
  readonly thresholds: RecommendationThresholds;
}

/** An explicit, individually testable rule. */
export interface RecommendationRule {
  readonly id: string;
  /** One line: what the rule checks, for the report's "rules checked" list. */
  readonly description: string;
  /** No finding when the rule's input is absent from the data or below its threshold. */
  evaluate(context: RuleContext): Recommendation[];
}
