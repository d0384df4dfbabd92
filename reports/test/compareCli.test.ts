import { execFileSync } from 'node:child_process';
import { formatMetricsCsv } from '@perfanalysis/contract';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMetricPoints, runCli } from '../src/index.js';
import { busier } from './support/comparisonFixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfreport-compare-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const START = Date.UTC(2025, 0, 6);
const HOUR = 3_600_000;

/** Two hours at 10 s of `machineId`; the second hour `extra` points busier. */
function csvFile(machineId: string, seed: number, extra = 0, secondHourExtra = 0): string {
  const points = generateMetricPoints({ seed, count: 720, intervalMs: 10_000, start: START, devices: false });
  const shaped = [...busier(points.slice(0, 360), extra), ...busier(points.slice(360), extra + secondHourExtra)];
  const file = path.join(dir, `${machineId}.csv`);
  fs.writeFileSync(file, formatMetricsCsv(shaped.map((point) => ({ machineId, point }))));
  return file;
}

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(args, {
    cwd: dir,
    stdin: [] as string[],
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stderr };
}

const hour = (h: number) => `${new Date(START + h * HOUR).toISOString()}/${new Date(START + (h + 1) * HOUR).toISOString()}`;

describe('perfreport --compare', () => {
  const app = csvFile('app-01', 1, 0, 40);
  const old = csvFile('old-vm', 2);
  const fresh = csvFile('new-vm', 3, 30);
  const fleet = [0, 1, 2, 3, 4].map((i) => csvFile(`node-${i}`, 10 + i, i === 4 ? 60 : 0));

  it('compares one machine’s two windows as HTML: CPU busy higher', async () => {
    const { code, stderr } = await run(
      '--compare',
      'before-after',
      '--csv',
      app,
      '--window',
      hour(0),
      '--window',
      hour(1),
      '--out',
      'ba.html',
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/before-after comparison of 2 reads, 720 samples → ba\.html/);
    const html = fs.readFileSync(path.join(dir, 'ba.html'), 'utf8');
    expect(html).toMatch(/<td class="text">CPU busy<\/td>.*<td class="text">higher<\/td>/);
    expect(html).toContain('app-01 before');
  });

  it('compares two machines over their whole files as PDF', async () => {
    const { code } = await run('--compare', 'before-after', '--csv', old, '--csv', fresh, '--pdf', '--out', 'ba.pdf');
    expect(code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'ba.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Before/after — old-vm vs new-vm');
    expect(text).toMatch(/CPU busy.*higher/);
  }, 60_000);

  it('compares a fleet over one window as the heatmap SVG', async () => {
    const { code } = await run('--compare', 'fleet', ...fleet.flatMap((f) => ['--csv', f]), '--window', hour(0), '--svg', 'fleetHeatmap');
    expect(code).toBe(0);
    const svg = fs.readFileSync(path.join(dir, 'fleetHeatmap.svg'), 'utf8');
    expect(svg).toContain('data-chart="fleetHeatmap"');
    for (let i = 0; i < 5; i++) expect(svg).toContain(`>node-${i}</text>`);
  });

  it('refuses a fleet without a window, a reversed window, 101 files and the wrong chart (exit 2)', async () => {
    expect((await run('--compare', 'fleet', '--csv', old)).code).toBe(2);
    expect((await run('--compare', 'fleet', '--csv', old, '--window', `${hour(1).split('/')[1]}/${hour(0).split('/')[0]}`)).code).toBe(2);
    expect((await run('--compare', 'fleet', ...Array.from({ length: 101 }, () => ['--csv', old]).flat(), '--window', hour(0))).code).toBe(
      2,
    );
    expect((await run('--compare', 'before-after', '--csv', old, '--csv', fresh, '--svg', 'fleetHeatmap')).code).toBe(2);
    expect((await run('--compare', 'before-after', '--csv', old)).code).toBe(2);
    expect((await run('--csv', old, '--csv', fresh)).code).toBe(2);
  });

  it('exits 1 naming a file it cannot read', async () => {
    const { code, stderr } = await run('--compare', 'before-after', '--csv', old, '--csv', 'missing.csv');
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read missing.csv');
  });
});
