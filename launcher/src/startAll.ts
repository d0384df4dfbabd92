import { createRuntime, loadConfig } from '@perfanalysis/platform';
import path from 'node:path';
import { startPlatform } from './platformProcess.js';
import { startLocalAgent } from './localAgent.js';
import { seedDemo } from './seedDemo.js';
import { onShutdown } from './shutdown.js';
import { MIGRATIONS } from './migrations.js';
import { ALL_ENTITIES } from './subgraphs.js';

/**
 * `npm start`: the whole platform in one process. With DATABASE_URL unset it runs on an
 * embedded PostgreSQL under ./.data/, and with REDIS_URL unset on in-process pub/sub.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime({ service: 'perfanalysis', config, entities: ALL_ENTITIES, migrations: MIGRATIONS, migrate: true });
  const platform = await startPlatform(runtime, config.ports);
  const dataDir = path.resolve(config.database.embeddedDir, '..');
  const demo = await seedDemo(runtime, dataDir);
  const base = `http://localhost:${config.ports.gateway}`;
  const agent = startLocalAgent({
    // The address the gateway really listens on (BIND_ADDRESS): `localhost` may resolve to ::1 first.
    server: new URL(platform.gatewayUrl).origin,
    apiKey: demo.apiKey,
    machineId: demo.machineId,
    spoolDir: path.join(dataDir, 'agent-spool'),
    logger: runtime.logger,
  });
  const lines = [
    '',
    'PerfAnalysis is running.',
    `  Dashboard:   ${base}/`,
    `  GraphQL:     ${base}/graphql`,
    `  Database:    ${runtime.embedded ? `embedded PostgreSQL, data in ${runtime.embedded.dataDir}` : 'DATABASE_URL'}`,
    `  Pub/sub:     ${config.redis.url ? 'Redis (REDIS_URL)' : 'in-process'}`,
    `  Listening:   gateway on ${config.bind.gateway} (BIND_ADDRESS), subgraphs on ${config.bind.subgraphs} (SUBGRAPH_BIND_ADDRESS)`,
    `  Demo login:  ${demo.email} / ${demo.password ?? '(set at first start; reset with `npm run admin -- set-password admin@demo.local`)'}`,
    `  Tenant:      ${demo.tenantSlug}   Collector: ${demo.machineId} (this machine, trickled every second by the local agent)`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  onShutdown(runtime.logger, async () => {
    await agent.stop();
    await platform.stop();
    await runtime.close();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
