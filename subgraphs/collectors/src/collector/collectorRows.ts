import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@perfanalysis/platform';
import { CollectorEntity, type CollectorRow } from './collector.entity.js';

/*
 * Collectors read for answering only: through the tenant's EntityManager (so its schema) but
 * mapped to plain rows, not hydrated into its identity map — hydration was most of the CPU of
 * listing a thousand collectors. A row is no managed entity: writes still load entities.
 */

/** A collector's columns under its CollectorRow field names, for SQL written by hand (`RETURNING …`). */
export const COLLECTOR_ROW_COLUMNS =
  'id, machine_id AS "machineId", hostname, ip, platform, site, active, created_at AS "createdAt", last_seen AS "lastSeen"';

/** Every collector of the EntityManager's tenant, by hostname then machine id. */
export function listCollectorRows(em: EntityManager): Promise<CollectorRow[]> {
  return em.createQueryBuilder(CollectorEntity).select('*').orderBy({ hostname: 'asc', machineId: 'asc' }).execute<CollectorRow[]>('all');
}

/** The collectors with these ids in one query; an id that is no uuid names no collector. */
export async function collectorRowsById(em: EntityManager, ids: readonly string[]): Promise<Map<string, CollectorRow>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await em
    .createQueryBuilder(CollectorEntity)
    .select('*')
    .where({ id: { $in: wanted } })
    .execute<CollectorRow[]>('all');
  return new Map(rows.map((row) => [row.id, row]));
}
