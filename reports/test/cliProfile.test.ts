import { formatMetricsCsv } from '@perfanalysis/contract';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMetricPoints, runCli } from '../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfreport-profile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csv = path.join(dir, 'web-01.csv');
const points = generateMetricPoints({ seed: 9, count: 120, intervalMs: 10_000, start: Date.UTC(2025, 0, 6), devices: false });
fs.writeFileSync(csv, formatMetricsCsv(points.map((point) => ({ machineId: 'web-01', point }))));

async function report(profile: unknown): Promise<{ code: number; html: string; stderr: string }> {
  const file = path.join(dir, 'profile.json');
  fs.writeFileSync(file, typeof profile === 'string' ? profile : JSON.stringify(profile));
  let html = '';
  let stderr = '';
  const code = await runCli(['--csv', csv, '--out', '-', '--sections', 'radar,recommendations', '--profile', file], {
    stdin: [] as string[],
    stdout: { write: (t: string | Uint8Array) => (html += t.toString()) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, html, stderr };
}

describe('perfreport --profile', () => {
  it('uses the file’s thresholds and capacities: a CPU threshold of 0 % fires, the network capacity is printed', async () => {
    const quiet = await report({ cpuBusyP95Pct: 100 });
    expect(quiet.code).toBe(0);
    expect(quiet.html).not.toContain('data-rule="cpu-sustained-high"');
    const loud = await report({ cpuBusyP95Pct: 0, networkThroughputMbPerSec: 12.5 });
    expect(loud.code).toBe(0);
    expect(loud.html).toContain('data-rule="cpu-sustained-high"');
    expect(loud.html).toContain('(threshold 0 %)');
    expect(loud.html).toContain('network: 12.5 MB/s per interface and direction (given)');
  });

  it('refuses a bad file as a bad command line, naming the setting', async () => {
    const bad = await report({ cpuBusyP95Pct: 150 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cpuBusyP95Pct must be at least 0 and at most 100 %');
    const broken = await report('{ not json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/--profile .*profile\.json: .*JSON/);
  });
});
