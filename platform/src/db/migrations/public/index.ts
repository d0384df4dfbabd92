import type { Migration } from '../Migration.js';
import { m0001Init } from './0001_init.js';
import { m0002ApiKeyScopes } from './0002_api_key_scopes.js';
import { m0003Invitations } from './0003_invitations.js';

/** Public-schema migrations, oldest first. Append only. */
export const publicMigrations: readonly Migration[] = [m0001Init, m0002ApiKeyScopes, m0003Invitations];
