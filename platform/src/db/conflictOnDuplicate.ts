import { ConflictError } from '../errors/ConflictError.js';
import { isUniqueViolation } from './pgValues.js';

/** What a unique violation means to the client: the CONFLICT's message and the input field at fault. */
export interface ConflictMeaning {
  readonly message: string;
  readonly field?: string;
}

/**
 * Runs `work`; a unique violation (SQLSTATE 23505) inside it becomes a CONFLICT with this
 * message — the one place a duplicate is given a meaning (docs/tenant-db.md). Any other error
 * passes unchanged (an unmapped 23505 still reaches the client as a bare CONFLICT).
 */
export async function conflictOnDuplicate<T>(work: () => Promise<T>, meaning: ConflictMeaning): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(meaning.message, meaning.field === undefined ? {} : { field: meaning.field });
    throw error;
  }
}
