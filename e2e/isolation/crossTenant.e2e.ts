import { AddDomainDocument, GrantRoleDocument, RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant } from '@perfanalysis/testenv';
import { ALERTS_CROSS_TENANT_CASES } from './alertsCrossTenantCases.js';
import { CHANNEL_CROSS_TENANT_CASES } from './channelCrossTenantCases.js';
import { CROSS_TENANT_CASES, type IsolationWorld } from './crossTenantCases.js';
import { LIVE_CROSS_TENANT_CASES } from './liveCrossTenantCases.js';
import { PCC_CROSS_TENANT_CASES } from './pccCrossTenantCases.js';
import { REPORT_PROFILE_CROSS_TENANT_CASES } from './reportProfileCrossTenantCases.js';
import { TRICKLE_CROSS_TENANT_CASES } from './trickleCrossTenantCases.js';

/** Every capability's cases (the agent channel; alerts: rules, alerts, webhooks, deliveries, alert events; report profiles; pcc collections). */
const ALL_CASES = [
  ...CROSS_TENANT_CASES,
  ...LIVE_CROSS_TENANT_CASES,
  ...CHANNEL_CROSS_TENANT_CASES,
  ...ALERTS_CROSS_TENANT_CASES,
  ...TRICKLE_CROSS_TENANT_CASES,
  ...REPORT_PROFILE_CROSS_TENANT_CASES,
  ...PCC_CROSS_TENANT_CASES,
];

describe('tenant A cannot see, change or reach tenant B', () => {
  let world: IsolationWorld;

  beforeAll(async () => {
    const env = await createTestEnvironment();
    const [a, b] = [await newTenant(env), await newTenant(env)];
    const bDomain = `${b.slug.replace(/_/g, '-')}.example.test`;
    await b.client.request(AddDomainDocument, { host: bDomain, primary: true });
    const { registerCollector } = await b.client.request(RegisterCollectorDocument, {
      input: { machineId: 'b-secret', hostname: 'b-secret' },
    });
    const { grantRole } = await b.client.request(GrantRoleDocument, { email: 'b-invitee@example.test', role: 'ANALYST' });
    world = {
      env,
      a,
      b,
      bCollectorId: registerCollector.collector.id,
      bApiKey: registerCollector.apiKey,
      bDomain,
      bInvitationId: grantRole.invitation!.id,
    };
  });

  afterAll(() => world?.env.stop());

  it.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const attempt = testCase.attempt(world);
    if (testCase.expected === 'noLeak') {
      await attempt;
      return;
    }
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: testCase.expected });
    // Refusals never name the victim.
    expect(String((error as Error).message)).not.toMatch(new RegExp(`${world.b.slug}|b-secret|${world.b.admin.email}`));
  });
});
