import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { buildIdentitySchema } from './schema.js';
import { RefreshTokenEntity } from './session/refreshToken.entity.js';
import { UserEntity } from './user/user.entity.js';

export { hashPassword } from './password/passwordHasher.js';
export { createUser, deleteUser, userIdByEmail } from './user/userAccounts.js';
export { assertStrongPassword, passwordProblems } from './password/passwordPolicy.js';
export { buildIdentitySchema };

/** MikroORM entities this subgraph maps. */
export const identityEntities = [UserEntity, RefreshTokenEntity];

export async function createIdentitySubgraph(runtime: Runtime): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'identity', schema: await buildIdentitySchema(), runtime });
}
export { identityMigrations } from './migrations/index.js';
