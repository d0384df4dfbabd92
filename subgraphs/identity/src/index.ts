import { createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { buildIdentitySchema } from './schema.js';
import type { MembershipDirectory } from './readApi/membershipDirectory.js';
import { RefreshTokenEntity } from './session/refreshToken.entity.js';
import { UserEntity } from './user/user.entity.js';

export { hashPassword } from './password/passwordHasher.js';
export { userIdByEmail } from './readApi/index.js';
export { createUser, deleteUser, setPassword } from './user/userAccounts.js';
export { assertStrongPassword, passwordProblems } from './password/passwordPolicy.js';
export { buildIdentitySchema };
export type { MembershipDirectory, MembershipSeat } from './readApi/membershipDirectory.js';

/** MikroORM entities this subgraph maps. */
export const identityEntities = [UserEntity, RefreshTokenEntity];

/** `memberships`: tenancy's read module, wired by the composition root (docs/migrations.md "Ports"). */
export async function createIdentitySubgraph(runtime: Runtime, memberships: MembershipDirectory): Promise<SubgraphServer> {
  return createSubgraphServer({ name: 'identity', schema: await buildIdentitySchema(memberships), runtime });
}
export { identityMigrations } from './migrations/index.js';
