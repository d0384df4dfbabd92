import { compareInput, type CompareFormValues } from '../src/pages/compare/compareInput.js';

const base: CompareFormValues = {
  kind: 'BEFORE_AFTER',
  collectorIds: ['a'],
  first: { from: '2026-12-01T00:00', to: '2026-12-01T12:00' },
  second: { from: '2026-12-02T00:00', to: '2026-12-02T12:00' },
  format: 'PDF',
};
const iso = (local: string) => new Date(local).toISOString();

describe('compareInput: the compare form’s rules (docs/report-comparisons.md)', () => {
  it('one collector over two windows', () => {
    expect(compareInput(base)).toEqual({
      input: {
        kind: 'BEFORE_AFTER',
        collectorIds: ['a'],
        windows: [
          { from: iso(base.first.from), to: iso(base.first.to) },
          { from: iso(base.second.from), to: iso(base.second.to) },
        ],
        format: 'PDF',
      },
    });
  });

  it('two collectors over one window when the second is blank', () => {
    const result = compareInput({ ...base, collectorIds: ['a', 'b'], second: { from: '', to: '' } });
    expect('input' in result && result.input.windows).toHaveLength(1);
  });

  it('a fleet over the first window only', () => {
    const result = compareInput({ ...base, kind: 'FLEET', collectorIds: ['a', 'b', 'c'] });
    expect('input' in result && result.input.windows).toEqual([{ from: iso(base.first.from), to: iso(base.first.to) }]);
  });

  it('says what to change: reversed or half-filled windows, the wrong number of collectors', () => {
    expect(compareInput({ ...base, first: { from: base.first.to, to: base.first.from } })).toEqual({
      error: 'The first window must start before it ends.',
    });
    expect(compareInput({ ...base, second: { from: '2026-12-02T00:00', to: '' } })).toEqual({
      error: 'Give the second window a start and an end.',
    });
    expect(compareInput({ ...base, second: { from: '', to: '' } })).toEqual({
      error: 'One collector is compared over two windows: fill in the second.',
    });
    expect(compareInput({ ...base, collectorIds: ['a', 'b', 'c'] })).toHaveProperty('error');
    expect(compareInput({ ...base, collectorIds: [] })).toHaveProperty('error');
    expect(compareInput({ ...base, kind: 'FLEET', collectorIds: Array.from({ length: 101 }, (_, i) => `c${i}`) })).toHaveProperty('error');
  });
});
