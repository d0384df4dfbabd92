import { generateMetricPoints } from '../../src/index.js';

/** Two hours at 10 s with 4 CPUs, 2 disks, 2 interfaces: the snapshot dataset. Seeded, no clock. */
export const SNAPSHOT_POINTS = generateMetricPoints({
  seed: 42,
  start: Date.UTC(2025, 0, 6, 8, 0, 0),
  count: 720,
  intervalMs: 10_000,
});
