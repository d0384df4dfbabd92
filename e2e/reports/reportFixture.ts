import type { GraphQLClient } from '@perfanalysis/sdk';
import { createTestEnvironment, memberClient, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';

/** The platform with a tenant to report on, its ANALYST and VIEWER, and a second tenant. */
export interface ReportFixture {
  readonly env: TestEnvironment;
  readonly tenant: TestTenant;
  /** Another tenant, for the isolation checks. */
  readonly other: TestTenant;
  readonly machine: TestMachine;
  readonly analyst: GraphQLClient;
  readonly viewer: GraphQLClient;
}

/**
 * Starts the platform and gives `tenant` one collector with `seconds` realistic points at one
 * second from `fromMs` (seeded: the same values every run).
 */
export async function startReportFixture(spec: {
  machineId: string;
  seed: number;
  fromMs: number;
  seconds: number;
  /** The SDK clients' deadline, for long renders. */
  timeoutMs?: number;
}): Promise<ReportFixture> {
  const env = await createTestEnvironment();
  const tenant = await newTenant(env);
  const other = await newTenant(env);
  const machine = await registerMachine(tenant, spec.machineId);
  const random = seededRandom(spec.seed);
  await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
    fromMs: spec.fromMs,
    count: spec.seconds,
    values: (i) => realisticValues(i, random),
  });
  const analyst = await memberClient(env, tenant, 'ANALYST', spec.timeoutMs);
  const viewer = await memberClient(env, tenant, 'VIEWER', spec.timeoutMs);
  return { env, tenant, other, machine, analyst, viewer };
}
