import { execFileSync } from 'node:child_process';
import { formatMetricsCsv } from '@perfanalysis/contract';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { generateMetricPoints, parseCliArgs, runCli } from '../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perfreport-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const points = generateMetricPoints({ seed: 9, count: 360, intervalMs: 10_000, start: Date.UTC(2025, 0, 6, 0, 0, 0), devices: false });
const canonical = path.join(dir, 'canonical.csv');
fs.writeFileSync(canonical, formatMetricsCsv(points.map((point) => ({ machineId: 'web-01', point }))));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runIn(process.cwd(), ...args);
}

async function runIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdin: [] as string[],
    stdout: { write: (t: string | Uint8Array) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('latin1')) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe('perfreport', () => {
  it('turns the canonical CSV into the HTML report', async () => {
    const out = path.join(dir, 'report.html');
    const { code, stderr } = await run('--csv', canonical, '--out', out);
    expect(code).toBe(0);
    expect(stderr).toMatch(/360 of 360 rows of web-01, 2025-01-06 00:00:00 UTC → 2025-01-06 00:59:50 UTC/);
    const doc = new JSDOM(fs.readFileSync(out, 'utf8')).window.document;
    expect(doc.querySelector('h1')?.textContent).toBe('Performance report — web-01');
    // Without per-device samples the per-core chart has no data: one line stands in for it.
    expect(doc.querySelectorAll('figure.chart svg').length).toBeGreaterThanOrEqual(9);
    expect([...doc.querySelectorAll('p.no-data')].map((p) => p.getAttribute('data-chart'))).toEqual(['cpuCores']);
  });

  it('reads an older agent dialect: epoch seconds, memory in KB, no machine_id column', async () => {
    const legacy = path.join(dir, 'legacy-host.csv');
    const lines = ['timestamp,cpu_user,cpu_system,cpu_idle,mem_total_kb,mem_used_kb,net_rx_bytes,net_tx_bytes,gpu_temp'];
    for (let i = 0; i < 60; i++) {
      lines.push(`${1736121600 + i * 5},${20 + (i % 7)},5,${75 - (i % 7)},16777216,8388608,${1_048_576 * 5 * (i % 3)},1048576,40`);
    }
    fs.writeFileSync(legacy, `${lines.join('\n')}\n`);
    const out = path.join(dir, 'legacy.html');
    const { code, stderr } = await run('--csv', legacy, '--out', out, '--sections', 'summary,percentiles');
    expect(code).toBe(0);
    expect(stderr).toContain('rows of legacy-host');
    expect(stderr).toContain('ignored unknown columns: gpu_temp');
    const doc = new JSDOM(fs.readFileSync(out, 'utf8')).window.document;
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['summary', 'percentiles']);
    const memory = [...doc.querySelectorAll('#percentiles tbody tr')].find((r) => r.textContent!.includes('mem_total_mb'));
    expect(memory?.textContent).toContain('16,384');
    expect(doc.querySelector('#percentiles')!.textContent).toContain('net_rx_mb');
  });

  it('writes one chart as standalone SVG', async () => {
    const out = path.join(dir, 'cpu.svg');
    expect((await run('--csv', canonical, '--svg', 'cpu', '--out', out)).code).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document.documentElement.localName).toBe('svg');
  });

  it('writes the report as PDF with --pdf', async () => {
    const out = path.join(dir, 'report.pdf');
    expect((await run('--csv', canonical, '--pdf', '--out', out, '--sections', 'summary,cpu')).code).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Performance report — web-01');
    expect(text).toContain('CPU utilisation by mode');
  });

  it('keeps only the window asked for, and writes to stdout with --out -', async () => {
    const { code, stdout, stderr } = await run(
      '--csv',
      canonical,
      '--out',
      '-',
      '--from',
      '2025-01-06T00:30:00Z',
      '--to',
      '2025-01-06 00:39:50',
      '--sections',
      'cpu',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('60 of 360 rows');
    expect(stdout).toContain('2025-01-06 00:30:00 UTC → 2025-01-06 00:39:50 UTC');
  });

  it('asks for --machine when the file holds several machines, and filters with it', async () => {
    const mixed = path.join(dir, 'mixed.csv');
    fs.writeFileSync(
      mixed,
      formatMetricsCsv(
        points.slice(0, 20).flatMap((point) => [
          { machineId: 'a', point },
          { machineId: 'b', point },
        ]),
      ),
    );
    const refused = await run('--csv', mixed, '--out', path.join(dir, 'x.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('more than one machine (a, b');
    const chosen = await run('--csv', mixed, '--machine', 'b', '--out', path.join(dir, 'b.html'));
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toContain('20 of 20 rows of b');
  });

  it("exits 1 with the parser's typed error on a bad CSV, and on a missing file", async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'timestamp,cpu_user\n2025-01-06T00:00:00Z,5\n');
    const format = await run('--csv', bad, '--machine', 'm');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('INVALID_CSV_FORMAT');
    const value = path.join(dir, 'value.csv');
    fs.writeFileSync(value, 'timestamp,cpu_user,cpu_system,cpu_idle\n2025-01-06T00:00:00Z,5,abc,90\n');
    const invalid = await run('--csv', value, '--machine', 'm');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('INVALID_VALUE');
    const missing = await run('--csv', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('resolves relative paths against the directory the command was typed in (npm INIT_CWD)', async () => {
    const { code } = await runIn(dir, '--csv', 'canonical.csv', '--out', 'relative.html', '--sections', 'summary');
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'relative.html'))).toBe(true);
  });

  it('exits 2 with usage on a bad command line, 0 with --help', async () => {
    for (const args of [
      [],
      ['--csv'],
      ['--csv', 'x', '--svg', 'pie'],
      ['--csv', 'x', '--svg', 'cpu', '--pdf'],
      ['--csv', 'x', '--from', 'yesterday'],
      ['--csv', 'x', '--bogus'],
    ]) {
      const { code, stderr } = await run(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: perfreport');
    }
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--sections');
  });
});

describe('parseCliArgs', () => {
  it('defaults the output name and reads every option', () => {
    expect(parseCliArgs(['--csv', 'a.csv'])).toEqual({ csv: 'a.csv', out: 'report.html' });
    expect(parseCliArgs(['--csv', 'a.csv', '--svg', 'radar'])).toMatchObject({ out: 'radar.svg', svg: 'radar' });
    expect(parseCliArgs(['--csv', 'a.csv', '--pdf'])).toEqual({ csv: 'a.csv', out: 'report.pdf', pdf: true });
    expect(
      parseCliArgs([
        '--csv',
        'a.csv',
        '--machine',
        'm',
        '--from',
        '2025-01-06',
        '--to',
        '2025-01-06T12:00:00+02:00',
        '--cpus',
        '8',
        '--sections',
        'cpu, memory',
      ]),
    ).toEqual({
      csv: 'a.csv',
      out: 'report.html',
      machine: 'm',
      from: Date.UTC(2025, 0, 6),
      to: Date.UTC(2025, 0, 6, 10),
      cpus: 8,
      sections: ['cpu', 'memory'],
    });
  });
});
