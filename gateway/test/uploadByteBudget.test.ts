import { createLogger, MemoryKeyValueStore } from '@perfanalysis/platform';
import { UploadByteBudget } from '../src/limits/uploadByteBudget.js';

describe('UploadByteBudget', () => {
  const kv = new MemoryKeyValueStore();
  afterAll(() => kv.close());
  const budget = new UploadByteBudget(kv, 100_000, createLogger('test', 'silent'));

  it('lets a folder of captures through up to the bytes per minute, refuses the rest without charging it', async () => {
    for (let i = 0; i < 4; i++) expect(await budget.charge('key:a', 25_000)).toBeUndefined();
    const retry = await budget.charge('key:a', 1_000);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // The refused request was taken back: the budget is still exactly full.
    expect((await kv.increment('uploadBytes:key:a', 60_000, 0)).count).toBe(100_000);
    // Another caller has a budget of its own.
    expect(await budget.charge('key:b', 60_000)).toBeUndefined();
  });

  it('is off at 0', async () => {
    const off = new UploadByteBudget(kv, 0, createLogger('test', 'silent'));
    expect(await off.charge('key:c', 10 ** 12)).toBeUndefined();
  });
});
