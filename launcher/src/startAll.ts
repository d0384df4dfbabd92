import { createRuntime, loadConfig } from '@perfanalysis/platform';
import path from 'node:path';
import { startPlatform } from './platformProcess.js';
import { seedDemo } from './seedDemo.js';
import { onShutdown } from './shutdown.js';
import { ALL_ENTITIES } from './subgraphs.js';

/**
 * `npm start`: the whole platform in one process. With DATABASE_URL unset it runs on an
 * embedded PostgreSQL under ./.data/, and with REDIS_URL unset on in-process pub/sub.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime({ service: 'perfanalysis', config, entities: ALL_ENTITIES, migrate: true });
  const platform = await startPlatform(runtime, config.ports);
  const demo = await seedDemo(runtime, path.resolve(config.database.embeddedDir, '..'));
  const base = `http://localhost:${config.ports.gateway}`;
  const lines = [
    '',
    'PerfAnalysis is running.',
    `  Dashboard:   ${base}/`,
    `  GraphQL:     ${base}/graphql`,
    `  Database:    ${runtime.embedded ? `embedded PostgreSQL, data in ${runtime.embedded.dataDir}` : 'DATABASE_URL'}`,
    `  Pub/sub:     ${config.redis.url ? 'Redis (REDIS_URL)' : 'in-process'}`,
    `  Demo login:  ${demo.email} / ${demo.password ?? '(set at first start; reset with `npm run admin -- set-password admin@demo.local`)'}`,
    `  Tenant:      ${demo.tenantSlug}   Collector: ${demo.machineId}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  onShutdown(runtime.logger, async () => {
    await platform.stop();
    await runtime.close();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
