import { buildFederatedSchema, type SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { AuditEventResolver } from './audit/auditEvent.resolver.js';
import { DomainResolver } from './domain/domain.resolver.js';
import { InvitationResolver } from './invitation/invitation.resolver.js';
import { MembershipResolver } from './membership/membership.resolver.js';
import { resolveTenantReference } from './tenant/tenant.reference.js';
import { TenantResolver } from './tenant/tenant.resolver.js';

export function buildTenancySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [TenantResolver, MembershipResolver, InvitationResolver, DomainResolver, AuditEventResolver] },
    { Tenant: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => resolveTenantReference(ref, ctx) } },
  );
}
