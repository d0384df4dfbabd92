import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment } from '@perfanalysis/testenv';
import { randomBytes } from 'node:crypto';
import { FLEET_COMMANDS, UsageError } from '../../launcher/src/fleetAdminCommands.js';

/** `npm run admin -- import-api-key`: finds tenant and machine through the owners' read modules. */
describe('admin import-api-key', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment();
  });

  afterAll(async () => {
    await env?.stop();
  });

  const importKey = (args: string[]) => FLEET_COMMANDS['import-api-key']!(env.runtime, args);

  it("imports a pcd key for the tenant's own machine only", async () => {
    const [owner, other] = [await newTenant(env), await newTenant(env)];
    await owner.client.request(RegisterCollectorDocument, { input: { machineId: 'pcc-01', hostname: 'pcc-01' } });
    await other.client.request(RegisterCollectorDocument, { input: { machineId: 'pcc-02', hostname: 'pcc-02' } });
    const key = randomBytes(24).toString('hex');

    await expect(importKey([owner.slug, 'pcc-01', key])).resolves.toMatch(
      new RegExp(`^pcd key imported for pcc-01 of ${owner.slug} \\(prefix `),
    );
    await expect(importKey([owner.slug, 'pcc-02', randomBytes(24).toString('hex')])).rejects.toThrow(
      new UsageError(`tenant ${owner.slug} has no collector pcc-02: register it first`),
    );
    await expect(importKey(['t_no_such_tenant', 'pcc-01', key])).rejects.toThrow(new UsageError('no tenant t_no_such_tenant'));
  });
});
