import { type AuditAction, recordAudit } from '../audit/audit.js';
import type { SubgraphContext } from './context.js';

/**
 * Records an audit event of the current request: tenant, actor and IP come from the
 * gateway-signed identity unless given.
 */
export function auditRequest(
  ctx: SubgraphContext,
  action: AuditAction,
  details: Record<string, unknown> = {},
  overrides: { outcome?: 'SUCCESS' | 'FAILURE'; actor?: string | null; tenantId?: string | null } = {},
): Promise<void> {
  const principal = ctx.identity.principal;
  const actor = principal?.kind === 'user' ? principal.userId : principal ? `collector:${principal.collectorId}` : null;
  return recordAudit(ctx.runtime.db.pool, ctx.logger, {
    action,
    outcome: overrides.outcome ?? 'SUCCESS',
    tenantId: overrides.tenantId !== undefined ? overrides.tenantId : (ctx.identity.tenant?.id ?? null),
    actor: overrides.actor !== undefined ? overrides.actor : actor,
    ip: ctx.identity.ip,
    details,
  });
}
