import {
  type EvalState,
  evaluatePoint,
  evaluateSilence,
  type EvaluatedRule,
  INITIAL_STATE,
  renderSummary,
} from '../src/evaluate/evaluator';

function run(rule: EvaluatedRule, series: readonly (readonly [number, number])[], state: EvalState = INITIAL_STATE) {
  const transitions: { t: number; transition: string; value: number }[] = [];
  for (const [t, v] of series) {
    const result = evaluatePoint(rule, state, t, v);
    state = result.state;
    if (result.transition) transitions.push({ t, transition: result.transition, value: result.value });
  }
  return { state, transitions };
}

/** A deterministic pseudo-random sequence in [0, 1). */
function noise(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const cpuAbove90: EvaluatedRule = { condition: { kind: 'THRESHOLD', op: 'GT', threshold: 90, windowMs: 0 }, forMs: 60_000 };

describe('threshold rules', () => {
  it('goes pending at the first crossing and fires only once the condition held for `for`', () => {
    const series = Array.from({ length: 70 }, (_, i) => [i * 1000, i < 5 ? 50 : 95] as const);
    const { transitions, state } = run(cpuAbove90, series);
    expect(transitions).toEqual([
      { t: 5000, transition: 'PENDING', value: 95 },
      { t: 65_000, transition: 'FIRING', value: 95 },
    ]);
    expect(state.phase).toBe('FIRING');
  });

  it('does not fire when the condition breaks off before `for`', () => {
    const series = Array.from({ length: 120 }, (_, i) => [i * 1000, i % 50 < 45 ? 95 : 10] as const);
    const { transitions } = run(cpuAbove90, series);
    expect(transitions.map((t) => t.transition)).not.toContain('FIRING');
    expect(transitions.map((t) => t.transition)).toEqual(['PENDING', 'CANCELLED', 'PENDING', 'CANCELLED', 'PENDING']);
  });

  it('resolves when values drop, with the value that cleared it', () => {
    const series = Array.from({ length: 100 }, (_, i) => [i * 1000, i < 80 ? 99 : 20] as const);
    const { transitions, state } = run(cpuAbove90, series);
    expect(transitions.map((t) => [t.transition, t.t])).toEqual([
      ['PENDING', 0],
      ['FIRING', 60_000],
      ['RESOLVED', 80_000],
    ]);
    expect(transitions[2]!.value).toBe(20);
    expect(state.phase).toBe('OK');
  });

  it('judges the average over the window, not single spikes', () => {
    const rule: EvaluatedRule = { condition: { kind: 'THRESHOLD', op: 'GT', threshold: 90, windowMs: 10_000 }, forMs: 0 };
    // One spike among low values: the 10 s average stays far below 90.
    const spiky = Array.from({ length: 30 }, (_, i) => [i * 1000, i === 12 ? 100 : 50] as const);
    expect(run(rule, spiky).transitions).toEqual([]);
    const sustained = Array.from({ length: 30 }, (_, i) => [i * 1000, i < 10 ? 50 : 100] as const);
    const fired = run(rule, sustained).transitions;
    expect(fired[0]).toMatchObject({ transition: 'FIRING' });
    expect(fired[0]!.value).toBeGreaterThan(90);
  });

  it('fires at once with for = 0 and ignores points without the metric', () => {
    const rule: EvaluatedRule = { condition: { kind: 'THRESHOLD', op: 'LT', threshold: 10, windowMs: 0 }, forMs: 0 };
    expect(evaluatePoint(rule, INITIAL_STATE, 0, undefined)).toEqual({ state: INITIAL_STATE, value: NaN });
    expect(evaluatePoint(rule, INITIAL_STATE, 0, 5).transition).toBe('FIRING');
  });
});

describe('anomaly rules', () => {
  const rule: EvaluatedRule = { condition: { kind: 'ANOMALY', zScore: 4, warmup: 30 }, forMs: 3_000 };

  it('stays quiet on steady noise', () => {
    const rand = noise(7);
    const series = Array.from({ length: 2_000 }, (_, i) => [i * 1000, 40 + (rand() - 0.5) * 6] as const);
    expect(run(rule, series).transitions.filter((t) => t.transition === 'FIRING')).toEqual([]);
  });

  it('fires on a step change, and resolves when the metric returns', () => {
    const rand = noise(11);
    const series = Array.from({ length: 200 }, (_, i) => [i * 1000, (i >= 100 && i < 150 ? 80 : 40) + (rand() - 0.5) * 6] as const);
    const { transitions } = run(rule, series);
    expect(transitions.map((t) => [t.transition, t.t])).toEqual([
      ['PENDING', 100_000],
      ['FIRING', 103_000],
      ['RESOLVED', 150_000],
    ]);
  });

  it('does not fire during the warm-up', () => {
    const series = Array.from({ length: 20 }, (_, i) => [i * 1000, i % 2 ? 0 : 100] as const);
    expect(run(rule, series).transitions).toEqual([]);
  });
});

describe('collector-silent rules', () => {
  const rule: EvaluatedRule = { condition: { kind: 'SILENT', silentMs: 30_000 }, forMs: 0 };

  it('fires once data is missing for longer than the limit, and resolves when it comes back', () => {
    let state = INITIAL_STATE;
    const at = (now: number, lastSeen: number) => {
      const result = evaluateSilence(rule, state, now, lastSeen);
      state = result.state;
      return result;
    };
    expect(at(20_000, 0).transition).toBeUndefined();
    expect(at(30_000, 0).transition).toBeUndefined();
    const fired = at(31_000, 0);
    expect(fired.transition).toBe('FIRING');
    expect(fired.value).toBe(31);
    expect(at(40_000, 0).transition).toBeUndefined();
    expect(at(41_000, 40_500).transition).toBe('RESOLVED');
  });

  it('is not judged by points', () => {
    expect(evaluatePoint(rule, INITIAL_STATE, 0, 1)).toMatchObject({ state: INITIAL_STATE });
  });
});

describe('renderSummary', () => {
  it('fills known variables and leaves unknown ones', () => {
    expect(
      renderSummary('CPU {{ value }}% on {{collector}} > {{threshold}} {{nope}}', { value: 93.456, collector: 'web-1', threshold: 90 }),
    ).toBe('CPU 93.46% on web-1 > 90 {{nope}}');
  });
});
