import { parseMetricsCsv } from '@perfanalysis/contract';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { collection, INTERVAL_S, RX_PER_INTERVAL } from '../../e2e/pcc/pccCollection.js';
import { runCli } from '../src/cli.js';
import type { ConfigDefaults } from '../src/config.js';
import { EXIT } from '../src/help.js';
import { convertCollection } from '../src/modes/convertCollection.js';
import { tempDir } from './helpers/fixtureProc.js';

const defaults: ConfigDefaults = { machineId: () => 'this-host', uid: 1000, home: tempDir('home') };
const START = 1_760_000_000;

async function perfagent(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, env, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), defaults });
  const logs = stderr
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, stdout, logs };
}

function file(name: string, content: string): string {
  const path = join(tempDir('convert'), name);
  writeFileSync(path, content);
  return path;
}

describe('perfagent convert (replaces pcprocess)', () => {
  it('writes the upload CSV of a collection to stdout: one row per round after the first, rates derived', async () => {
    const { code, stdout, logs } = await perfagent(['convert', file('web-01.json', collection(START, 6))]);
    expect(code).toBe(EXIT.ok);
    const { header, rows } = parseMetricsCsv([stdout]);
    expect((await header).ignored).toEqual([]);
    const read = [];
    for await (const row of rows) read.push(row);
    expect(read.map((r) => r.point.timestamp)).toEqual([1, 2, 3, 4, 5].map((i) => (START + i * INTERVAL_S) * 1000));
    // The machine id is the file's name when none is set; rates are the agent's.
    expect(new Set(read.map((r) => r.machineId))).toEqual(new Set(['web-01']));
    for (const { point } of read) {
      expect(point.values).toMatchObject({ cpu_user: 30, cpu_system: 10, cpu_idle: 55, cpu_iowait: 5 });
      expect(point.values.net_rx_mb).toBeCloseTo(RX_PER_INTERVAL / 1_048_576 / INTERVAL_S, 6);
    }
    expect(logs.at(-1)).toMatchObject({
      msg: 'collection converted',
      points: 5,
      ignoredSubsystems: expect.objectContaining({ 'statfs[*]': 6 }),
    });
  });

  it('takes --machine-id for the machine_id column', async () => {
    const { stdout } = await perfagent(['convert', file('c.json', collection(START, 3)), '--machine-id', 'db-07']);
    expect(stdout.split('\n')[1]).toMatch(/^[^,]+,db-07,/);
  });

  it('fails a bad line with exit 4 and a typed error naming the line', async () => {
    const lines = collection(START, 4).split('\n');
    lines.splice(7, 0, '{"timestamp": 1760000031, "subsystem": "/proc/stat"');
    const { code, logs } = await perfagent(['convert', file('bad.json', lines.join('\n'))]);
    expect(code).toBe(EXIT.invalidInput);
    expect(logs.at(-1)).toMatchObject({ level: 'error', line: 8, msg: expect.stringContaining('Line 8') });
  });

  it('refuses what is not a command, a missing file, and uploads without a server (exit 2)', async () => {
    expect((await perfagent(['frobnicate', 'x'])).code).toBe(EXIT.config);
    expect((await perfagent(['convert'])).code).toBe(EXIT.config);
    const missing = await perfagent(['convert', join(tempDir('none'), 'nope.json')]);
    expect(missing.code).toBe(EXIT.config);
    expect(String(missing.logs.at(-1)?.msg)).toContain('nope.json');
    const upload = await perfagent(['import', file('c.json', collection(START, 2))]);
    expect(upload.code).toBe(EXIT.config);
    expect(upload.logs.at(-1)).toMatchObject({ setting: 'PCC_SERVER' });
  });
});

describe('collection derivation is one code path', () => {
  it('streams: the CSV of a collection split across many small chunks is the same as read whole', async () => {
    const text = collection(START, 5);
    let whole = '';
    let chunked = '';
    await convertCollection(Readable.from([Buffer.from(text)]), 'm', (t) => void (whole += t));
    const pieces = text.match(/[\s\S]{1,7}/g)!.map((s) => Buffer.from(s));
    await convertCollection(Readable.from(pieces), 'm', (t) => void (chunked += t));
    expect(chunked).toBe(whole);
  });
});
