import { quoteSchema } from '@perfanalysis/platform';
import type { ClientBase } from 'pg';
import type { CollectorName, RawReading } from '@perfanalysis/agent';

/**
 * Takes the collector's pcc state for this transaction: two replicas handed samples of one
 * collector at once derive them one after the other, each against the other's newest reading.
 */
export async function lockPccState(client: ClientBase, schema: string, collectorId: string): Promise<RawReading[]> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pcc:${schema}:${collectorId}`]);
  const { rows } = await client.query<{ subsystem: CollectorName; ts: Date; measurement: string }>(
    `SELECT subsystem, ts, measurement FROM ${quoteSchema(schema)}.pcc_previous WHERE collector_id = $1`,
    [collectorId],
  );
  return rows.map((r) => ({ source: r.subsystem, at: r.ts.getTime(), text: r.measurement }));
}

/** Keeps the newest raw text of each source for the collector's next samples. */
export async function savePccState(client: ClientBase, schema: string, collectorId: string, latest: readonly RawReading[]): Promise<void> {
  if (!latest.length) return;
  await client.query(
    `INSERT INTO ${quoteSchema(schema)}.pcc_previous (collector_id, subsystem, ts, measurement)
     SELECT $1::uuid, s, t, m FROM unnest($2::text[], $3::timestamptz[], $4::text[]) AS u(s, t, m)
     ON CONFLICT (collector_id, subsystem) DO UPDATE SET ts = EXCLUDED.ts, measurement = EXCLUDED.measurement
     WHERE EXCLUDED.ts >= pcc_previous.ts`,
    [collectorId, latest.map((r) => r.source), latest.map((r) => new Date(r.at)), latest.map((r) => r.text)],
  );
}
