import type { AuthChecker } from 'type-graphql';
import { type Role, roleAtLeast } from '../auth/identity.js';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { SubgraphContext } from './context.js';

/**
 * `@Authorized()` needs any tenant user, or an API key granted READ; `@Authorized('ANALYST')`
 * needs ANALYST or ADMIN; `'COLLECTOR'` any API key (its own collector's data: docs/security.md "API key scopes").
 */
export type Requirement = Role | 'COLLECTOR';

export const authChecker: AuthChecker<SubgraphContext, Requirement> = ({ context }, requirements) => {
  const { principal, tenant } = context.identity;
  if (!principal || !tenant) throw new UnauthenticatedError();
  if (requirements.length === 0) {
    if (principal.kind === 'user' || principal.scopes.includes('READ')) return true;
    throw new ForbiddenError('This API key sends its own collector’s data only; an ADMIN can grant it the READ scope.', {
      reason: 'API_KEY_SCOPE',
    });
  }
  const allowed = requirements.some((requirement) =>
    requirement === 'COLLECTOR' ? principal.kind === 'collector' : principal.kind === 'user' && roleAtLeast(principal.role, requirement),
  );
  if (!allowed) throw new ForbiddenError(`This needs the ${requirements.join(' or ')} role in tenant ${tenant.slug}.`);
  return true;
};
