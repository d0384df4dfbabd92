import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { createWriteStream } from 'node:fs';
import { realisticValues, seededRandom } from '../../e2e/metrics/metricData.js';

/**
 * Writes `rows` seconds of one busy server twice, value for value: the upload's CSV dialect
 * (`timestamp,machine_id,<columns>`) and PostgreSQL's COPY text format for `metric_points`
 * (collector id first), so the upload and its `\copy` baseline store the same points.
 */
export async function writeUploadFiles(
  files: { csv: string; copy: string },
  spec: { rows: number; fromMs: number; machineId: string; copyCollectorId: string; seed?: number },
): Promise<{ csvBytes: number }> {
  const csv = createWriteStream(files.csv);
  const copy = createWriteStream(files.copy);
  const random = seededRandom(spec.seed ?? 7);
  let csvBuffer = `timestamp,machine_id,${METRIC_COLUMNS.join(',')}\n`;
  let copyBuffer = '';
  let csvBytes = 0;
  const flush = async () => {
    csvBytes += Buffer.byteLength(csvBuffer);
    const a = csv.write(csvBuffer);
    const b = copy.write(copyBuffer);
    csvBuffer = '';
    copyBuffer = '';
    // Ask each stream whether it still needs a drain only now: one may drain while we wait on the other.
    if (!a && csv.writableNeedDrain) await new Promise<void>((r) => csv.once('drain', () => r()));
    if (!b && copy.writableNeedDrain) await new Promise<void>((r) => copy.once('drain', () => r()));
  };
  for (let i = 0; i < spec.rows; i++) {
    const values = realisticValues(i, random);
    const text = METRIC_COLUMNS.map((c) => {
      const v = values[c];
      return v === undefined ? '' : Number.isInteger(v) ? String(v) : v.toFixed(2);
    });
    const ts = new Date(spec.fromMs + i * 1000).toISOString();
    csvBuffer += `${ts},${spec.machineId},${text.join(',')}\n`;
    copyBuffer += `${spec.copyCollectorId}\t${ts}\t${text.map((t) => t || '\\N').join('\t')}\n`;
    if (csvBuffer.length > 1 << 20) await flush();
  }
  await flush();
  await Promise.all([new Promise<void>((r) => csv.end(() => r())), new Promise<void>((r) => copy.end(() => r()))]);
  return { csvBytes };
}
