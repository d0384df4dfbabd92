import { graphqlWsUrl, retryDelayMs } from '../src/api/liveClient.js';
import { pointToSample } from '../src/pages/collector/livePoint.js';

describe('live client helpers', () => {
  it('finds the graphql-ws endpoint beside the page', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
    expect(graphqlWsUrl({ protocol: 'https:', host: 'perf.example.com' })).toBe('wss://perf.example.com/graphql');
  });

  it('backs off exponentially up to 15 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 10].map((n) => retryDelayMs(n, noJitter))).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it('turns live points into chart samples', () => {
    expect(
      pointToSample({ timestamp: '2026-11-22T12:00:00Z', cpuUser: 12.5, cpuSystem: null }, ['cpuUser', 'cpuSystem', 'memUsedMb']),
    ).toEqual({
      t: Date.parse('2026-11-22T12:00:00Z'),
      values: { cpuUser: 12.5, cpuSystem: null, memUsedMb: null },
    });
    expect(pointToSample({ timestamp: 'nope' }, ['cpuUser'])).toBeUndefined();
  });
});
