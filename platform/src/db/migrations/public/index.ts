import type { Migration } from '../Migration.js';
import { m0001Init } from './0001_init.js';

/** Public-schema migrations, oldest first. Append only. */
export const publicMigrations: readonly Migration[] = [m0001Init];
