import type { TenantDb } from '@perfanalysis/platform';
import type { CollectorName, RawReading } from '@perfanalysis/agent';

/**
 * Takes the collector's pcc state for this transaction: two replicas handed samples of one
 * collector at once derive them one after the other, each against the other's newest reading.
 * `tx` is a handle inside `transaction()`: the lock is held to its end.
 */
export async function lockPccState(tx: TenantDb, collectorId: string): Promise<RawReading[]> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pcc:${tx.tenant}:${collectorId}`]);
  const { rows } = await tx.query<{ subsystem: CollectorName; ts: Date; measurement: string }>(
    `SELECT subsystem, ts, measurement FROM ${tx.table('pcc_previous')} WHERE collector_id = $1`,
    [collectorId],
  );
  return rows.map((r) => ({ source: r.subsystem, at: r.ts.getTime(), text: r.measurement }));
}

/** Keeps the newest raw text of each source for the collector's next samples. */
export async function savePccState(tx: TenantDb, collectorId: string, latest: readonly RawReading[]): Promise<void> {
  if (!latest.length) return;
  await tx.query(
    `INSERT INTO ${tx.table('pcc_previous')} (collector_id, subsystem, ts, measurement)
     SELECT $1::uuid, s, t, m FROM unnest($2::text[], $3::timestamptz[], $4::text[]) AS u(s, t, m)
     ON CONFLICT (collector_id, subsystem) DO UPDATE SET ts = EXCLUDED.ts, measurement = EXCLUDED.measurement
     WHERE EXCLUDED.ts >= pcc_previous.ts`,
    [collectorId, latest.map((r) => r.source), latest.map((r) => new Date(r.at)), latest.map((r) => r.text)],
  );
}
