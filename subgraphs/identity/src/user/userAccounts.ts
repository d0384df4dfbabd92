import type { ClientBase } from 'pg';
import { hashPassword } from '../password/passwordHasher.js';

/**
 * Accounts for operator tools (the admin CLI, the demo seed), which run beside the services
 * rather than through the API: they create a user without logging one in.
 */

type Queryable = Pick<ClientBase, 'query'>;

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

/** Sets a new password (hashed here) and closes every session of the account. */
export async function setPassword(db: Queryable, id: string, password: string): Promise<void> {
  await db.query('UPDATE public.users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
    id,
    await hashPassword(password),
  ]);
  await db.query('UPDATE public.refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
}
