import type { TenantDb } from '@perfanalysis/platform';

/** What the demo seed knows of the machine it runs on. */
export interface Machine {
  readonly machineId: string;
  readonly hostname: string;
  readonly platform: string;
}

/**
 * Registers a machine in a tenant, or refreshes its hostname when it is already there, for
 * the demo seed, which registers the machine it runs on at every start; returns its id.
 */
export async function registerMachine(db: TenantDb, machine: Machine): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${db.table('collectors')} (machine_id, hostname, platform) VALUES ($1, $2, $3)
     ON CONFLICT (machine_id) DO UPDATE SET hostname = EXCLUDED.hostname RETURNING id`,
    [machine.machineId, machine.hostname, machine.platform],
  );
  return rows[0]!.id;
}
