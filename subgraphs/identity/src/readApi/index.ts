import type { ClientBase } from 'pg';

/**
 * The identity subgraph's published data (docs/migrations.md): what tenancy and the gateway
 * may know of accounts and sessions without naming `public.users` or `public.refresh_tokens`.
 * Imported as `@perfanalysis/subgraph-identity/read`.
 */

/** A pool or a client inside the caller's transaction. */
export type Queryable = Pick<ClientBase, 'query'>;

/** The id of the account with this e-mail (compared lower-case), or null. */
export async function userIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM public.users WHERE email = $1', [email.toLowerCase()]);
  return rows[0]?.id ?? null;
}

/** Whether the account exists and is active (an operator may switch one off). */
export async function userIsActive(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query<{ active: boolean }>('SELECT active FROM public.users WHERE id = $1', [userId]);
  return rows[0]?.active === true;
}

/** Whether a session (refresh-token family) has an unrevoked, unexpired token. */
export async function sessionIsLive(db: Queryable, sessionId: string): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM public.refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
    [sessionId],
  );
  return rows.length > 0;
}

export type { MembershipDirectory, MembershipSeat } from './membershipDirectory.js';
