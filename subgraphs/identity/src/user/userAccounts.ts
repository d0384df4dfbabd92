import type { ClientBase } from 'pg';
import { hashPassword } from '../password/passwordHasher.js';

/**
 * Accounts for operator tools (the admin CLI, the demo seed), which run beside the services
 * rather than through the API: they create a user without logging one in.
 */

type Queryable = Pick<ClientBase, 'query'>;

/** The id of the account with this e-mail (compared lower-case), or null. */
export async function userIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM public.users WHERE email = $1', [email.toLowerCase()]);
  return rows[0]?.id ?? null;
}

/** Creates an account with this password (hashed here); returns its id. A taken e-mail is a unique violation. */
export async function createUser(db: Queryable, account: { email: string; displayName: string; password: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO public.users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [account.email.toLowerCase(), account.displayName, await hashPassword(account.password)],
  );
  return rows[0]!.id;
}

/** Deletes an account (its sessions and memberships go with it). */
export async function deleteUser(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM public.users WHERE id = $1', [id]);
}
