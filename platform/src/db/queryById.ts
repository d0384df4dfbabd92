import type { ClientBase, QueryResult, QueryResultRow } from 'pg';
import { isUuid } from './pgValues.js';

/** A pool or a client inside the caller's transaction. */
export type Queryable = Pick<ClientBase, 'query'>;

/** The rows a statement returned and how many it touched. */
export type QueryRows<R extends QueryResultRow> = Pick<QueryResult<R>, 'rows' | 'rowCount'>;

/**
 * Runs a statement whose `$1` is an id sent by a client: a malformed one matches no row and
 * asks PostgreSQL nothing (its `::uuid` cast would fail the request with 22P02), so an unknown
 * id and a malformed one are the same NOT_FOUND to the caller. The one place ids are checked
 * before SQL (docs/tenant-db.md).
 */
export async function queryById<R extends QueryResultRow = QueryResultRow>(
  db: Queryable,
  text: string,
  params: readonly [id: string, ...rest: unknown[]],
): Promise<QueryRows<R>> {
  if (!isUuid(params[0])) return { rows: [], rowCount: 0 };
  return db.query<R>(text, [...params]);
}
