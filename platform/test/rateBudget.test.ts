import { gcraStep } from '../src/kv/rateBudget.js';

describe('gcraStep (the rate budget both key-value stores spend)', () => {
  it('allows a burst of max, then one call per window/max; a refused call changes nothing', () => {
    let tat: number | undefined;
    const at = (now: number) => {
      const step = gcraStep(tat, now, 3, 60_000);
      if (step.tat !== undefined) tat = step.tat;
      return { used: step.used, retryInMs: step.retryInMs };
    };
    expect([at(0), at(0), at(0)]).toEqual([
      { used: 0, retryInMs: 0 },
      { used: 1, retryInMs: 0 },
      { used: 2, retryInMs: 0 },
    ]);
    expect(at(5_000)).toEqual({ used: 3, retryInMs: 15_000 });
    expect(at(10_000)).toEqual({ used: 3, retryInMs: 10_000 });
    expect(at(20_000)).toEqual({ used: 2, retryInMs: 0 });
    expect(at(20_000)).toEqual({ used: 3, retryInMs: 20_000 });
    // Idle for a whole window: the full burst again.
    expect(at(200_000)).toEqual({ used: 0, retryInMs: 0 });
  });

  it('keeps fractional intervals exact enough that max calls fit in a burst', () => {
    let tat: number | undefined;
    let spent = 0;
    for (let i = 0; i < 10; i++) {
      const step = gcraStep(tat, 1_000, 7, 60_000);
      if (step.retryInMs === 0) spent += 1;
      if (step.tat !== undefined) tat = step.tat;
    }
    expect(spent).toBe(7);
  });
});
