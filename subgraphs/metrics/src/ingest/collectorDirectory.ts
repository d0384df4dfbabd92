import { assertCleanText, onCollectorChanged, type PubSub, quoteSchema, TtlCache, type Unsubscribe } from '@perfanalysis/platform';
import type { Pool } from 'pg';

export interface CollectorRow {
  readonly id: string;
  readonly machineId: string;
  readonly active: boolean;
}

const byMachine = new TtlCache<CollectorRow | null>(5_000);
/** Last `last_seen` written per collector: the column moves at most every few seconds. */
const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 5_000;

/** Drops a machine's cached answer as soon as the collectors subgraph registers or (de)activates it. */
export function followCollectorChanges(pubsub: PubSub): Promise<Unsubscribe> {
  return onCollectorChanged(pubsub, ({ schema, machineId }) => byMachine.delete(`${schema}:${machineId}`));
}

/** A tenant's collector by machine id, or null when the tenant has no such machine (cached a few seconds). */
export async function collectorByMachine(pool: Pool, schema: string, machineId: string): Promise<CollectorRow | null> {
  // Every machine id a caller names (export, REST upload field, CSV default) passes here before SQL.
  assertCleanText(machineId, 'machine_id');
  return byMachine.get(`${schema}:${machineId}`, async () => {
    const { rows } = await pool.query<{ id: string; machine_id: string; active: boolean }>(
      `SELECT id, machine_id, active FROM ${quoteSchema(schema)}.collectors WHERE machine_id = $1`,
      [machineId],
    );
    return rows[0] ? { id: rows[0].id, machineId: rows[0].machine_id, active: rows[0].active } : null;
  });
}

export async function collectorById(pool: Pool, schema: string, id: string): Promise<CollectorRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await pool.query<{ id: string; machine_id: string; active: boolean }>(
    `SELECT id, machine_id, active FROM ${quoteSchema(schema)}.collectors WHERE id = $1`,
    [id],
  );
  return rows[0] ? { id: rows[0].id, machineId: rows[0].machine_id, active: rows[0].active } : null;
}

/** Moves `last_seen` forward (never back), at most once per few seconds per collector. */
export async function touchLastSeen(pool: Pool, schema: string, collectorId: string, seenAt: number): Promise<void> {
  const now = Date.now();
  if (now - (lastTouched.get(collectorId) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(collectorId, now);
  await pool.query(`UPDATE ${quoteSchema(schema)}.collectors SET last_seen = GREATEST(COALESCE(last_seen, $2), $2) WHERE id = $1`, [
    collectorId,
    new Date(Math.min(seenAt, now)),
  ]);
}
