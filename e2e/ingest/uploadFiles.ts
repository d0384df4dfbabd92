import { parseMetricsCsv } from '@perfanalysis/contract';
import type { UploadFile } from '@perfanalysis/sdk';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DIALECT_DIR = path.resolve(__dirname, '../../contract/test/fixtures/csv');

/** The dialect fixtures the contract's parser is tested on, uploaded as files. */
export function dialectFixtures(): string[] {
  return readdirSync(DIALECT_DIR).filter((f) => f.endsWith('.csv'));
}

export function fileOf(name: string, content: string | Uint8Array): UploadFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    stream: (async function* () {
      for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
    })(),
  };
}

export function fixtureFile(name: string): UploadFile {
  return fileOf(name, readFileSync(path.join(DIALECT_DIR, name)));
}

/** Every machine id a fixture names (files without the column use `fallback`). */
export async function machinesOf(name: string, fallback: string): Promise<string[]> {
  const parsed = parseMetricsCsv([readFileSync(path.join(DIALECT_DIR, name))], { machineId: fallback });
  const machines = new Set<string>();
  for await (const row of parsed.rows) machines.add(row.machineId);
  return [...machines];
}

/** A canonical-dialect CSV of `rows` points a second apart, ending a minute ago. */
export function recentCsv(machineId: string, rows: number, startMs = Date.now() - 60_000 - rows * 1000): string {
  const lines = ['timestamp,machine_id,cpu_user,cpu_system,cpu_idle,mem_used_mb'];
  for (let i = 0; i < rows; i++)
    lines.push(`${new Date(startMs + i * 1000).toISOString()},${machineId},${(i % 50) + 1},2,${97 - (i % 50)},${1000 + i}`);
  return `${lines.join('\n')}\n`;
}
