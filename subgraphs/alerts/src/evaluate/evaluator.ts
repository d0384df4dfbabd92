/**
 * The pure rule evaluator: (rule, state, point) → (state, transition). No database, no clock:
 * the stream evaluator feeds it points and persists what it returns in one transaction.
 */

export type ComparisonOp = 'GT' | 'GTE' | 'LT' | 'LTE';
export type AlertPhase = 'OK' | 'PENDING' | 'FIRING';
export type AlertTransition = 'PENDING' | 'FIRING' | 'RESOLVED' | 'CANCELLED';

/** What the evaluator needs of a rule. */
export type RuleCondition =
  | { readonly kind: 'THRESHOLD'; readonly op: ComparisonOp; readonly threshold: number; readonly windowMs: number }
  | { readonly kind: 'ANOMALY'; readonly zScore: number; readonly warmup: number }
  | { readonly kind: 'SILENT'; readonly silentMs: number };

export interface EvaluatedRule {
  readonly condition: RuleCondition;
  /** How long the condition must hold before the alert fires. */
  readonly forMs: number;
}

/** Per (rule, collector) state, stored as JSON. */
export interface EvalState {
  readonly phase: AlertPhase;
  /** When the condition started to hold (pending since). */
  readonly since?: number;
  /** Threshold rules: the points of the window (epoch ms, value). */
  readonly window?: readonly (readonly [number, number])[];
  /** Anomaly rules: EWMA mean and variance, and how many points they have seen. */
  readonly mean?: number;
  readonly variance?: number;
  readonly n?: number;
}

export const INITIAL_STATE: EvalState = { phase: 'OK' };

export interface Evaluation {
  readonly state: EvalState;
  /** The lifecycle step this point caused, if any. */
  readonly transition?: AlertTransition;
  /** The value the condition judged (window average, the point's value, or silent seconds). */
  readonly value: number;
}

/** Weight of the newest point in the anomaly EWMA. */
export const EWMA_ALPHA = 0.1;

function compare(op: ComparisonOp, value: number, threshold: number): boolean {
  switch (op) {
    case 'GT':
      return value > threshold;
    case 'GTE':
      return value >= threshold;
    case 'LT':
      return value < threshold;
    case 'LTE':
      return value <= threshold;
  }
}

/** Moves the lifecycle on by one observation of whether the condition holds at `t`. */
export function step(state: EvalState, breached: boolean, t: number, forMs: number): { state: EvalState; transition?: AlertTransition } {
  if (breached) {
    if (state.phase === 'FIRING') return { state };
    const since = state.phase === 'PENDING' ? state.since! : t;
    if (t - since >= forMs) return { state: { ...state, phase: 'FIRING', since }, transition: 'FIRING' };
    return state.phase === 'PENDING' ? { state } : { state: { ...state, phase: 'PENDING', since }, transition: 'PENDING' };
  }
  if (state.phase === 'OK') return { state };
  const cleared: EvalState = { ...state, phase: 'OK', since: undefined };
  return { state: cleared, transition: state.phase === 'FIRING' ? 'RESOLVED' : 'CANCELLED' };
}

/** Applies one point's value (`undefined`: the point lacks the metric and changes nothing). */
export function evaluatePoint(rule: EvaluatedRule, state: EvalState, t: number, value: number | undefined): Evaluation {
  const { condition } = rule;
  if (value === undefined || !Number.isFinite(value) || condition.kind === 'SILENT') return { state, value: value ?? NaN };
  if (condition.kind === 'THRESHOLD') {
    const window = [...(state.window ?? []).filter(([at]) => at > t - condition.windowMs && at < t), [t, value] as const];
    const average = window.reduce((sum, [, v]) => sum + v, 0) / window.length;
    const next = step({ ...state, window }, compare(condition.op, average, condition.threshold), t, rule.forMs);
    return { ...next, value: average };
  }
  // Anomaly: |value − EWMA mean| > zScore × EWMA standard deviation, once warmed up. While the
  // condition holds the baseline is frozen, so that a sustained shift keeps firing instead of
  // being learnt as the new normal within a few points.
  const n = state.n ?? 0;
  const mean = state.mean ?? value;
  const variance = state.variance ?? 0;
  // A floor on the deviation: a perfectly flat series must not fire on a rounding difference.
  const deviation = Math.max(Math.sqrt(variance), 1e-6 + Math.abs(mean) * 0.001);
  const breached = n >= condition.warmup && Math.abs(value - mean) > condition.zScore * deviation;
  let learnt: EvalState = { ...state, n: n + 1, mean, variance };
  if (!breached) {
    const diff = value - mean;
    const nextMean = n === 0 ? value : mean + EWMA_ALPHA * diff;
    const nextVariance = n === 0 ? 0 : (1 - EWMA_ALPHA) * (variance + EWMA_ALPHA * diff * diff);
    learnt = { ...state, n: n + 1, mean: nextMean, variance: nextVariance };
  }
  return { ...step(learnt, breached, t, rule.forMs), value };
}

/**
 * The collector-silent check at `now`: the condition holds when the last point (or, for a
 * collector never heard from, its registration) lies more than `silentMs` back.
 */
export function evaluateSilence(rule: EvaluatedRule, state: EvalState, now: number, lastSeen: number): Evaluation {
  if (rule.condition.kind !== 'SILENT') return { state, value: NaN };
  const silentFor = now - lastSeen;
  return { ...step(state, silentFor > rule.condition.silentMs, now, rule.forMs), value: Math.round(silentFor / 1000) };
}

/** The only names a summary template may use; anything else stays as written. */
export const SUMMARY_VARIABLES = ['value', 'metric', 'collector', 'threshold', 'rule', 'severity'] as const;
export type SummaryVariables = Readonly<Partial<Record<(typeof SUMMARY_VARIABLES)[number], string | number>>>;
const SUMMARY_VARIABLE_SET: ReadonlySet<string> = new Set(SUMMARY_VARIABLES);

/**
 * Fills the listed variables in a summary template. Only own, listed properties resolve, so
 * `{{constructor}}` or `{{__proto__}}` never reach the prototype chain.
 */
export function renderSummary(template: string, vars: SummaryVariables): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => {
    if (!SUMMARY_VARIABLE_SET.has(name) || !Object.hasOwn(vars, name)) return match;
    const value: unknown = vars[name as keyof SummaryVariables];
    if (typeof value === 'number') return String(Math.round(value * 100) / 100);
    return typeof value === 'string' ? value : match;
  });
}
