import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import {
  AcceptInvitationDocument,
  AddDomainDocument,
  AuditTrailDocument,
  CollectorDocument,
  CollectorsDocument,
  CurrentTenantDocument,
  DeclineInvitationDocument,
  DeviceSeriesDocument,
  InvitationsDocument,
  LoginDocument,
  MembersDocument,
  MyInvitationsDocument,
  RegisterCollectorDocument,
  RemoveDomainDocument,
  ReportDocument,
  RevokeInvitationDocument,
  RevokeApiKeysDocument,
  RotateApiKeyDocument,
  SeriesDocument,
  SetApiKeyScopesDocument,
  SetCollectorActiveDocument,
  SummaryDocument,
  UpdateCollectorDocument,
} from '@perfanalysis/sdk';
import { clientFor, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import jwt from 'jsonwebtoken';

/** Two tenants with data; B is the victim, A the attacker. */
export interface IsolationWorld {
  readonly env: TestEnvironment;
  readonly a: TestTenant;
  readonly b: TestTenant;
  readonly bCollectorId: string;
  readonly bApiKey: string;
  readonly bDomain: string;
  /** A pending invitation of B, addressed to an e-mail that is not A's. */
  readonly bInvitationId: string;
}

/**
 * What an attempt must end in: a typed refusal, or an answer that simply does not contain
 * the victim's data (`noLeak`, checked by the case itself).
 */
export type Outcome = 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'CONFLICT' | 'noLeak';

export interface CrossTenantCase {
  readonly name: string;
  readonly expected: Outcome;
  attempt(world: IsolationWorld): Promise<unknown>;
}

/** Asks a subgraph directly for entity references, as the gateway would, with A's identity. */
async function entitiesAsA(
  world: IsolationWorld,
  subgraph: keyof TestEnvironment['subgraphUrls'],
  typename: string,
  id: string,
): Promise<unknown> {
  const identity: RequestIdentity = {
    principal: { kind: 'user', userId: world.a.admin.userId, email: world.a.admin.email, sessionId: 's', role: 'ADMIN' },
    tenant: { id: world.a.id, slug: world.a.slug },
    ip: '127.0.0.1',
  };
  const response = await fetch(world.env.subgraphUrls[subgraph], {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(identity, world.env.runtime.secrets.internalSecret) },
    body: JSON.stringify({
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${typename} { id } } }`,
      variables: { r: [{ __typename: typename, id }] },
    }),
  });
  const body = (await response.json()) as { data: { _entities: unknown[] } };
  if (body.data._entities[0] !== null) throw new Error(`${typename} ${id} resolved for another tenant`);
  return body;
}

function noneOf(victimIds: string[], seen: { id: string }[]): void {
  const leaked = seen.filter((s) => victimIds.includes(s.id));
  if (leaked.length) throw new Error(`leaked ${leaked.length} of the victim's rows`);
}

/**
 * A's access token re-signed (with the platform's real key: the worst case) with B's slug in
 * `tsl` while `tid` stays A's: the tenant must come from `tid` alone, and the disagreement
 * refuses the token (docs/security.md "Tenant binding").
 */
function mixedClaimsClient(w: IsolationWorld) {
  const claims = { ...(jwt.decode(w.a.session.accessToken) as Record<string, unknown>), tsl: w.b.slug };
  const { runtime } = w.env;
  const token = jwt.sign(claims, runtime.secrets.jwtSigningKey, { algorithm: 'HS256', keyid: runtime.config.auth.jwtKeyId });
  return clientFor(w.env, token);
}

/** The suite's table; later capabilities append their cases here. */
export const CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "read B's collector by id",
    expected: 'noLeak',
    attempt: async (w) => {
      const { collector } = await w.a.client.request(CollectorDocument, { id: w.bCollectorId });
      if (collector !== null) throw new Error('collector of B visible to A');
    },
  },
  {
    name: "list collectors (B's absent)",
    expected: 'noLeak',
    attempt: async (w) => noneOf([w.bCollectorId], (await w.a.client.request(CollectorsDocument)).collectors),
  },
  {
    name: "update B's collector",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(UpdateCollectorDocument, { id: w.bCollectorId, input: { hostname: 'pwned' } }),
  },
  {
    name: "deactivate B's collector",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(SetCollectorActiveDocument, { id: w.bCollectorId, active: false }),
  },
  {
    name: "rotate B's API key",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(RotateApiKeyDocument, { collectorId: w.bCollectorId }),
  },
  {
    name: "revoke B's API keys",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(RevokeApiKeysDocument, { collectorId: w.bCollectorId }),
  },
  {
    name: "A's token on B's domain (Host header)",
    expected: 'FORBIDDEN',
    attempt: (w) => clientFor(w.env, w.a.session.accessToken, { host: w.bDomain }).request(CurrentTenantDocument),
  },
  {
    name: "log in to A on B's domain (login tenant and Host disagree)",
    expected: 'FORBIDDEN',
    attempt: (w) =>
      clientFor(w.env, undefined, { host: w.bDomain }).request(LoginDocument, {
        input: { email: w.a.admin.email, password: w.a.admin.password, tenant: w.a.slug },
      }),
  },
  {
    name: "B's API key on A's session domain is still only B",
    expected: 'noLeak',
    attempt: async (w) => {
      const { currentTenant } = await clientFor(w.env, w.bApiKey).request(CurrentTenantDocument);
      if (currentTenant.id !== w.b.id) throw new Error('API key bound to the wrong tenant');
    },
  },
  {
    name: 'a machine id B has, registered in A, is a collector of A',
    expected: 'noLeak',
    attempt: async (w) => {
      const input = { machineId: 'in-both-tenants', hostname: 'in-both-tenants' };
      const inB = (await w.b.client.request(RegisterCollectorDocument, { input })).registerCollector.collector;
      const inA = (await w.a.client.request(RegisterCollectorDocument, { input })).registerCollector.collector;
      if (inA.id === inB.id) throw new Error("A was given B's collector");
    },
  },
  {
    name: 'register a machine id A already has',
    expected: 'CONFLICT',
    attempt: async (w) => {
      const input = { machineId: 'a-twice', hostname: 'a-twice' };
      await w.a.client.request(RegisterCollectorDocument, { input });
      return w.a.client.request(RegisterCollectorDocument, { input });
    },
  },
  {
    name: "claim B's domain",
    expected: 'CONFLICT',
    attempt: (w) => w.a.client.request(AddDomainDocument, { host: w.bDomain, primary: false }),
  },
  { name: "remove B's domain", expected: 'NOT_FOUND', attempt: (w) => w.a.client.request(RemoveDomainDocument, { host: w.bDomain }) },
  {
    name: "members (B's admin absent)",
    expected: 'noLeak',
    attempt: async (w) =>
      noneOf(
        [w.b.admin.userId],
        (await w.a.client.request(MembersDocument)).members.map((m) => m.user),
      ),
  },
  {
    name: "invitations (B's absent)",
    expected: 'noLeak',
    attempt: async (w) => noneOf([w.bInvitationId], (await w.a.client.request(InvitationsDocument)).invitations),
  },
  {
    name: "my invitations (B's invitee's absent)",
    expected: 'noLeak',
    attempt: async (w) => noneOf([w.bInvitationId], (await w.a.client.request(MyInvitationsDocument)).myInvitations),
  },
  {
    name: "revoke B's invitation",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(RevokeInvitationDocument, { id: w.bInvitationId }),
  },
  {
    name: "accept B's invitation addressed to another e-mail",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(AcceptInvitationDocument, { id: w.bInvitationId }),
  },
  {
    name: "decline B's invitation addressed to another e-mail",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(DeclineInvitationDocument, { id: w.bInvitationId }),
  },
  {
    name: "audit trail (B's events absent)",
    expected: 'noLeak',
    attempt: async (w) => {
      const { auditTrail } = await w.a.client.request(AuditTrailDocument, { limit: 500 });
      if (auditTrail.some((e) => e.actor === w.b.admin.userId)) throw new Error("B's audit events visible to A");
    },
  },
  {
    name: "entity reference to B's collector",
    expected: 'noLeak',
    attempt: (w) => entitiesAsA(w, 'collectors', 'Collector', w.bCollectorId),
  },
  { name: "entity reference to B's tenant", expected: 'noLeak', attempt: (w) => entitiesAsA(w, 'tenancy', 'Tenant', w.b.id) },
  { name: "entity reference to B's admin user", expected: 'noLeak', attempt: (w) => entitiesAsA(w, 'identity', 'User', w.b.admin.userId) },
  {
    name: "read B's series by collector id",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(SeriesDocument, { collectorId: w.bCollectorId, group: 'CPU', ...LAST_DAY() }),
  },
  {
    name: "read B's summary by collector id",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(SummaryDocument, { collectorId: w.bCollectorId, ...LAST_DAY() }),
  },
  {
    name: "read B's device series by collector id",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(DeviceSeriesDocument, { collectorId: w.bCollectorId, kind: 'CPU', ...LAST_DAY() }),
  },
  {
    name: "render a report of B's collector",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(ReportDocument, { collectorId: w.bCollectorId, ...LAST_DAY() }),
  },
  { name: "export B's machine by machine_id", expected: 'NOT_FOUND', attempt: (w) => exportAsA(w, 'b-secret') },
  {
    name: "read B's series with A's API key",
    expected: 'NOT_FOUND',
    attempt: async (w) =>
      clientFor(w.env, (await readerCollector(w)).apiKey).request(SeriesDocument, {
        collectorId: w.bCollectorId,
        group: 'CPU',
        ...LAST_DAY(),
      }),
  },
  {
    name: 'list collectors with a token whose tsl names B (tid A)',
    expected: 'UNAUTHENTICATED',
    attempt: (w) => mixedClaimsClient(w).request(CollectorsDocument),
  },
  {
    name: 'register a collector with a token whose tsl names B (tid A)',
    expected: 'UNAUTHENTICATED',
    attempt: (w) => mixedClaimsClient(w).request(RegisterCollectorDocument, { input: { machineId: 'mixed', hostname: 'mixed' } }),
  },
  {
    name: "read B's series with a token whose tsl names B (tid A)",
    expected: 'UNAUTHENTICATED',
    attempt: (w) => mixedClaimsClient(w).request(SeriesDocument, { collectorId: w.bCollectorId, group: 'CPU', ...LAST_DAY() }),
  },
  {
    name: "export B's machine with A's API key",
    expected: 'FORBIDDEN',
    attempt: async (w) =>
      exportAsA(w, 'b-secret', { kind: 'collector', collectorId: (await readerCollector(w)).id, keyId: 'k', scopes: [] }),
  },
];

/** A collector of A (the attacker) for the read and export cases, registered once per world. */
const readerCollectors = new WeakMap<IsolationWorld, Promise<{ id: string; apiKey: string }>>();
function readerCollector(w: IsolationWorld): Promise<{ id: string; apiKey: string }> {
  let collector = readerCollectors.get(w);
  if (!collector) {
    // Granted READ: the strongest key of A, so only the tenant boundary can refuse it.
    collector = w.a.client
      .request(RegisterCollectorDocument, { input: { machineId: 'a-reader', hostname: 'a-reader' } })
      .then(async ({ registerCollector: { collector, apiKey } }) => {
        await w.a.client.request(SetApiKeyScopesDocument, { collectorId: collector.id, scopes: ['READ'] });
        await new Promise((r) => setTimeout(r, 1_100)); // the gateway's key lookups live a second
        return { id: collector.id, apiKey };
      });
    readerCollectors.set(w, collector);
  }
  return collector;
}

/** The last 24 hours, as a read query's range. */
function LAST_DAY(): { from: string; to: string } {
  return { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() };
}

/**
 * Asks the metrics subgraph's export route for a machine as A (its ANALYST admin, or the
 * principal given), signed as the gateway would; a refusal is thrown with its `code` like an
 * SDK error.
 */
async function exportAsA(world: IsolationWorld, machineId: string, principal?: RequestIdentity['principal']): Promise<unknown> {
  const identity: RequestIdentity = {
    principal: principal ?? { kind: 'user', userId: world.a.admin.userId, email: world.a.admin.email, sessionId: 's', role: 'ANALYST' },
    tenant: { id: world.a.id, slug: world.a.slug },
    ip: '127.0.0.1',
  };
  const url = new URL('/api/v1/performance/export', world.env.subgraphUrls.metrics);
  url.search = new URLSearchParams({ machine_id: machineId, start_date: '2020-01-01', end_date: '2020-12-31' }).toString();
  const response = await fetch(url, { headers: { [IDENTITY_HEADER]: signIdentity(identity, world.env.runtime.secrets.internalSecret) } });
  const text = await response.text();
  if (response.ok) throw new Error(`export of B's machine answered ${response.status} with ${text.length} bytes`);
  const { errors } = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
  throw Object.assign(new Error(errors[0]!.message), { code: errors[0]!.extensions.code });
}
