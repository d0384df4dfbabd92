import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { METRIC_COLUMNS, metricsCsvHeader, parseMetricsCsv, toCsvLine } from '@perfanalysis/contract';
import { createSampler } from '../src/createSampler.js';
import { runLocal } from '../src/local/runLocal.js';
import { fixtureProc, tempDir } from './helpers/fixtureProc.js';
import { manualClock } from './helpers/manualClock.js';

const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with test/golden/<name>. UPDATE_GOLDEN=1 rewrites the file; without it a
 * missing golden file fails, so CI never creates one silently.
 */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run UPDATE_GOLDEN=1 npx jest agent, review it, commit it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Runs local mode over a fixture sequence: each sleep advances the clock 1 s and shows the next step. */
async function runSequence(sequence: string, out = tempDir(`local-${sequence}`)) {
  const proc = fixtureProc(sequence);
  const time = manualClock();
  try {
    const result = await runLocal({
      sampler: createSampler({ procRoot: proc.root, clock: time.clock }),
      outDir: out,
      machineId: 'golden-host',
      frequencyMs: 1000,
      durationMs: (proc.steps.length - 1) * 1000,
      clock: time.clock,
      sleep: time.sleep(() => proc.next()),
    });
    return { ...result, csv: readFileSync(result.csvPath, 'utf8'), json: readFileSync(result.jsonPath, 'utf8') };
  } finally {
    proc.remove();
  }
}

const SEQUENCES = ['real', 'wrap32', 'wrap64', 'reboot', 'device-reset', 'cpu-hotplug', 'disk-appear', 'old-kernel', 'no-disks'];

describe('local mode end to end (golden files)', () => {
  it.each(SEQUENCES)('%s: CSV and JSON lines match test/golden', async (sequence) => {
    const run = await runSequence(sequence);
    expectGolden(`${sequence}.csv`, run.csv);
    expectGolden(`${sequence}.jsonl`, run.json);
  });

  it('names the files after the machine and the start time, and writes one row per point', async () => {
    const run = await runSequence('cpu-hotplug');
    expect(basename(run.csvPath)).toBe('perfagent-golden-host-20250115T120000Z.csv');
    expect(basename(run.jsonPath)).toBe('perfagent-golden-host-20250115T120000Z.jsonl');
    expect(run).toMatchObject({ ticks: 4, points: 3, missed: 0 });
    const lines = run.csv.trimEnd().split('\n');
    expect(lines[0]).toBe(`timestamp,machine_id,${METRIC_COLUMNS.join(',')}`);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
      '2025-01-15T12:00:01.000Z',
      '2025-01-15T12:00:02.000Z',
      '2025-01-15T12:00:03.000Z',
    ]);
  });
});

describe('PCC_COLLECTION naming a file, as pcc took it', () => {
  it('writes the points into that file, the other format beside it under the same name', async () => {
    const dir = tempDir('local-file');
    const json = await runSequence('cpu-hotplug', join(dir, 'collection.json'));
    expect(json.jsonPath).toBe(join(dir, 'collection.json'));
    expect(json.csvPath).toBe(join(dir, 'collection.csv'));
    expect(json.json.trimEnd().split('\n')).toHaveLength(3);
    const csv = await runSequence('cpu-hotplug', join(dir, 'points.csv'));
    expect([csv.csvPath, csv.jsonPath]).toEqual([join(dir, 'points.csv'), join(dir, 'points.jsonl')]);
    expect(csv.csv.trimEnd().split('\n')).toHaveLength(4);
  });

  it('appends to an existing file without a second header', async () => {
    const file = join(tempDir('local-existing'), 'pcc-out');
    writeFileSync(file, '');
    await runSequence('cpu-hotplug', `${file}`);
    const again = await runSequence('cpu-hotplug', `${file}`);
    expect(again.jsonPath).toBe(file);
    expect(again.json.trimEnd().split('\n')).toHaveLength(6);
    expect(again.csv.trimEnd().split('\n')).toHaveLength(7);
  });
});

describe("CSV upload format (the contract's writer)", () => {
  it.each(SEQUENCES)('%s: the golden CSV loads through the upload parser, every value intact', async (sequence) => {
    const csv = readFileSync(join(GOLDEN, `${sequence}.csv`), 'utf8');
    const jsonl = readFileSync(join(GOLDEN, `${sequence}.jsonl`), 'utf8')
      .trimEnd()
      .split('\n');
    const parse = parseMetricsCsv(csv, { now: Date.UTC(2025, 0, 15, 13) });
    expect((await parse.header).ignored).toEqual([]);
    const rows = [];
    for await (const row of parse.rows) rows.push(row);
    expect(
      rows.map((r) => ({ timestamp: new Date(r.point.timestamp).toISOString(), machine_id: r.machineId, values: r.point.values })),
    ).toEqual(
      jsonl.map((line) => {
        const { timestamp, machine_id, values } = JSON.parse(line) as Record<string, unknown>;
        return { timestamp, machine_id, values };
      }),
    );
  });

  it('has timestamp, machine_id and the 27 contract columns in order', () => {
    expect(metricsCsvHeader().split(',')).toEqual(['timestamp', 'machine_id', ...METRIC_COLUMNS]);
  });

  it('writes ISO-8601 UTC with milliseconds and an empty cell for an absent value', () => {
    const line = toCsvLine('m1', {
      timestamp: Date.UTC(2025, 5, 1, 8, 30, 0, 250),
      values: { cpu_user: 12.5, cpu_system: 0, cpu_idle: 87.5, load_15min: 0.1 },
    });
    const cells = line.split(',');
    expect(cells).toHaveLength(29);
    expect(cells.slice(0, 5)).toEqual(['2025-06-01T08:30:00.250Z', 'm1', '12.5', '0', '87.5']);
    expect(cells[5]).toBe('');
    expect(cells[28]).toBe('0.1');
  });

  it('quotes a machine id that needs it', () => {
    expect(toCsvLine('a,"b"', { timestamp: 0, values: {} }).split(',"')[0]).toBe('1970-01-01T00:00:00.000Z');
    expect(toCsvLine('a,"b"', { timestamp: 0, values: {} })).toContain('"a,""b"""');
  });
});
