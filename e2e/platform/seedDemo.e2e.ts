import { seedDemo } from '@perfanalysis/launcher';
import { CollectorsOverviewDocument, LoginDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment } from '@perfanalysis/testenv';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The demo seed of `npm start`, written through the owners' modules, seen through the API. */
describe('demo seed', () => {
  let env: TestEnvironment;
  let dataDir: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataDir = mkdtempSync(path.join(tmpdir(), 'demo-seed-'));
  });

  afterAll(async () => {
    await env?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an ADMIN who logs in to the demo tenant and sees this machine, and changes nothing when run again', async () => {
    const first = await seedDemo(env.runtime, dataDir);
    expect(first.password).toEqual(expect.any(String));

    const { login } = await clientFor(env).request(LoginDocument, {
      input: { email: first.email, password: first.password!, tenant: first.tenantSlug },
    });
    const { collectors } = await clientFor(env, login.accessToken).request(CollectorsOverviewDocument);
    expect(collectors.map((c) => [c.id, c.machineId])).toEqual([[first.collectorId, first.machineId]]);

    const second = await seedDemo(env.runtime, dataDir);
    expect(second).toEqual({ ...first, password: undefined });
  });

  it('leaves another tenant without the demo machine', async () => {
    const other = await newTenant(env);
    expect((await other.client.request(CollectorsOverviewDocument)).collectors).toEqual([]);
  });
});
