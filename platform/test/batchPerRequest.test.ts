import { batchPerRequest } from '../src/subgraph/batchPerRequest';
import type { SubgraphContext } from '../src/subgraph/context';

/** Two requests; the loader only tells them apart, so any object stands for a request's context. */
const requestA = {} as SubgraphContext;
const requestB = {} as SubgraphContext;

function recordingLoader() {
  const reads: { ctx: SubgraphContext; keys: readonly string[]; needs: string[] }[] = [];
  const load = batchPerRequest(async (ctx, keys: readonly string[], needs: ReadonlySet<string>) => {
    reads.push({ ctx, keys, needs: [...needs].sort() });
    return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `${k}:${[...needs].sort().join('+')}`]));
  });
  return { load, reads };
}

describe('batchPerRequest', () => {
  it('reads every key asked in the same turn with one call, with the needs of all callers', async () => {
    const { load, reads } = recordingLoader();
    const answers = await Promise.all([load(requestA, 'a', ['x']), load(requestA, 'b', ['y']), load(requestA, 'a', [])]);
    expect(reads).toEqual([{ ctx: requestA, keys: ['a', 'b'], needs: ['x', 'y'] }]);
    expect(answers).toEqual(['a:x+y', 'b:x+y', 'a:x+y']);
  });

  it('keeps requests apart, and answers null for a key the read did not find', async () => {
    const { load, reads } = recordingLoader();
    const answers = await Promise.all([load(requestA, 'a'), load(requestB, 'b'), load(requestB, 'missing')]);
    expect(reads.map((r) => [r.ctx, r.keys])).toEqual([
      [requestA, ['a']],
      [requestB, ['b', 'missing']],
    ]);
    expect(answers).toEqual(['a:', 'b:', null]);
  });

  it('starts a new read for keys asked after the previous read began', async () => {
    const { load, reads } = recordingLoader();
    await load(requestA, 'a');
    await load(requestA, 'b');
    expect(reads.map((r) => r.keys)).toEqual([['a'], ['b']]);
  });

  it('rejects every caller of a failed read', async () => {
    const load = batchPerRequest<string, string>(async () => {
      throw new Error('database gone');
    });
    const answers = await Promise.allSettled([load(requestA, 'a'), load(requestA, 'b')]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
  });
});
