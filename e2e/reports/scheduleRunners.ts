import { ALL_ENTITIES } from '@perfanalysis/launcher';
import { type Config, createLogger, createRuntime, type Runtime } from '@perfanalysis/platform';
import { newRunnerId, runSchedulesOnce } from '@perfanalysis/subgraph-reports';
import type { TestEnvironment } from '@perfanalysis/testenv';

/** A schedule runner as another replica would run it: its own runtime (pool, Redis) on the environment's database. */
export interface TestRunner {
  readonly id: string;
  readonly runtime: Runtime;
  /** One pass of the runner at the instant `now` (the test's clock). */
  once(now: Date): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a runner; `adjust` changes its config (another SMTP server, a smaller attachment limit). */
export async function startRunner(env: TestEnvironment, adjust: (config: Config) => Config = (c) => c): Promise<TestRunner> {
  const config = adjust(env.runtime.config);
  const runtime = await createRuntime({
    service: 'report-runner',
    config,
    entities: ALL_ENTITIES,
    logger: createLogger('reports', config.logLevel),
  });
  const id = newRunnerId();
  return { id, runtime, once: (now) => runSchedulesOnce(runtime, id, now), stop: () => runtime.close() };
}
