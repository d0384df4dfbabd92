import { createSubgraphLiveServer, createSubgraphServer, type Runtime, type SubgraphServer } from '@perfanalysis/platform';
import { AlertEngine } from './evaluate/alertEngine.js';
import { startWebhookDispatcher } from './notify/webhookDispatcher.js';
import { buildAlertsSchema } from './schema.js';

export { buildAlertsSchema };
export { alertsBetween } from './alert/alertStore.js';
export type { Alert } from './alert/alert.type.js';
export { verifyWebhook, SIGNATURE_HEADER } from '@perfanalysis/platform';

/** The alerts subgraph maps no entities: its state changes are SQL transactions with row locks. */
export const alertsEntities = [];

/**
 * Rules, alerts, silences and webhooks (API), and — unless ALERTS_WORKERS=false — the
 * evaluator on the live points stream, the collector-silent sweep and the webhook dispatcher.
 */
export async function createAlertsSubgraph(runtime: Runtime): Promise<SubgraphServer> {
  const schema = await buildAlertsSchema();
  // graphql-ws for `alertEvents`, which the gateway routes here.
  const live = createSubgraphLiveServer(schema, runtime, { subgraph: 'alerts' });
  let engine: AlertEngine | undefined;
  let dispatcher: { stop(): Promise<void> } | undefined;
  return createSubgraphServer({
    name: 'alerts',
    schema,
    runtime,
    onListening: async (server) => {
      live.attach(server);
      if (runtime.config.alerts.workers) {
        engine = new AlertEngine(runtime);
        await engine.start();
        dispatcher = startWebhookDispatcher(runtime);
      }
    },
    onStop: async () => {
      await engine?.stop();
      await dispatcher?.stop();
      await live.close();
    },
  });
}
export { alertsMigrations } from './migrations/index.js';
