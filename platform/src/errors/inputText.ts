import { hasControlCharacter } from '@perfanalysis/contract';
import { BadUserInputError } from './BadUserInputError.js';

export { hasControlCharacter };

/** Refuses a string with a control character, naming where it was (`input.name`, `machine_id`). */
export function assertCleanText(text: string, field: string): void {
  if (hasControlCharacter(text)) throw new BadUserInputError(`${field} contains a control character.`, { field });
}
