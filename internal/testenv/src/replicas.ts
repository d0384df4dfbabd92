import { createGateway } from '@perfanalysis/gateway';
import { ALL_ENTITIES, SUBGRAPHS } from '@perfanalysis/launcher';
import { createLogger, createRuntime } from '@perfanalysis/platform';
import type { TestEnvironment } from './createTestEnvironment.js';

/** A second gateway and/or metrics service of an environment, as another process would run them. */
export interface Replica {
  readonly gatewayUrl: string;
  /** The metrics service the replica's gateway uses (its own, or the environment's). */
  readonly metricsUrl: string;
  /** Stops only the replica's metrics service (its gateway stays up), as a crashed replica would. */
  stopMetrics(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  /** Start a metrics service of its own (and point the replica's gateway at it). @default true */
  readonly metrics?: boolean;
  /** Without a metrics service of its own: where the replica's gateway reaches metrics (e.g. through a proxy). */
  readonly metricsUrl?: string;
}

/**
 * Starts another gateway (and metrics service) on free ports with a runtime of its own:
 * its own database pool, its own Redis connections (pub/sub, key-value), the environment's
 * database and Redis prefix. Other subgraphs are the environment's.
 */
export async function startReplica(env: TestEnvironment, options: ReplicaOptions = {}): Promise<Replica> {
  const config = env.runtime.config;
  const runtime = await createRuntime({
    service: 'replica',
    config,
    entities: ALL_ENTITIES,
    logger: createLogger('replica', config.logLevel),
  });
  const metrics = options.metrics === false ? undefined : await SUBGRAPHS.metrics.create(runtime);
  const metricsUrl = metrics ? (await metrics.listen(0)).url : (options.metricsUrl ?? env.subgraphUrls.metrics);
  const gateway = createGateway({ runtime, subgraphUrls: { ...env.subgraphUrls, metrics: metricsUrl } });
  const { url } = await gateway.listen(0);
  let metricsStopped: Promise<void> | undefined;
  const stopMetrics = () => (metricsStopped ??= metrics?.stop() ?? Promise.resolve());
  return {
    gatewayUrl: url,
    metricsUrl,
    stopMetrics,
    async stop() {
      await gateway.stop();
      await stopMetrics();
      await runtime.close();
    },
  };
}
