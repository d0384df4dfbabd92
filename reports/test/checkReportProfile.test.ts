import { checkReportProfile, REPORT_PROFILE_BOUNDS } from '../src/index.js';

describe('checkReportProfile', () => {
  it('accepts an empty profile, nulls (defaults) and every setting at its bounds', () => {
    expect(checkReportProfile({})).toBeUndefined();
    expect(checkReportProfile({ cpuCount: null, memoryMb: undefined })).toBeUndefined();
    const atMax = Object.fromEntries(Object.entries(REPORT_PROFILE_BOUNDS).map(([key, bound]) => [key, bound.max]));
    expect(checkReportProfile(atMax)).toBeUndefined();
    expect(
      checkReportProfile({ cpuCount: 1, cpuBusyP95Pct: 0, swapUsedP95Mb: 0, networkErrorCount: 0, diskUtilP95Pct: 100 }),
    ).toBeUndefined();
  });

  it.each([
    [{ cpuCount: 0 }, 'cpuCount', 'a whole number at least 1'],
    [{ cpuCount: 2.5 }, 'cpuCount', 'a whole number'],
    [{ cpuCount: 5000 }, 'cpuCount', 'at most 4,096'],
    [{ memoryMb: 0 }, 'memoryMb', 'above 0'],
    [{ memoryMb: -1024 }, 'memoryMb', 'above 0'],
    [{ diskThroughputMbPerSec: 1e6 }, 'diskThroughputMbPerSec', 'at most 100,000 MB/s'],
    [{ networkThroughputMbPerSec: Number.NaN }, 'networkThroughputMbPerSec', 'not NaN'],
    [{ cpuBusyP95Pct: 101 }, 'cpuBusyP95Pct', 'at most 100 %'],
    [{ iowaitP95Pct: -1 }, 'iowaitP95Pct', 'at least 0'],
    [{ memoryAvailableP5Pct: '10' }, 'memoryAvailableP5Pct', 'not "10"'],
    [{ loadPerCoreP95: 0 }, 'loadPerCoreP95', 'above 0'],
    [{ networkErrorCount: 0.5 }, 'networkErrorCount', 'a whole number'],
    [{ cpuBusy: 80 }, 'cpuBusy', 'not a report profile setting'],
  ])('refuses %j, naming %s', (profile, field, says) => {
    const problem = checkReportProfile(profile);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(field);
    expect(problem?.message).toContain(says);
  });

  it('refuses what is not an object', () => {
    for (const profile of [null, 42, 'cpuCount', [1, 2]]) expect(checkReportProfile(profile)?.field).toBe('profile');
  });
});
