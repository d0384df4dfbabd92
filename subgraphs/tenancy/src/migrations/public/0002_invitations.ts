import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Invitations to a tenant, addressed to an e-mail and accepted by whoever logs in with it:
 * `grantRole` never looks accounts up (docs/tenancy.md "Invitations"). An expired invitation
 * keeps status PENDING; `expires_at` decides. At most one pending invitation per tenant and
 * e-mail: inviting again renews it.
 */
export const migration: MigrationFile = {
  supersedes: '0003_invitations',
  sql: () => `
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  role text NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'VIEWER')),
  invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
  responded_at timestamptz
);
CREATE UNIQUE INDEX invitations_pending ON invitations (tenant_id, email) WHERE status = 'PENDING';
CREATE INDEX invitations_email ON invitations (email) WHERE status = 'PENDING';
CREATE INDEX invitations_tenant ON invitations (tenant_id, created_at DESC);
`,
};
